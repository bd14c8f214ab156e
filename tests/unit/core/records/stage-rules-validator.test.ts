import { describe, expect, it } from 'vitest'
import { updateRecords } from '../../../../src/core/records/mutations'
import { validatorFor } from '../../../../src/core/records/validator-cache'
import { funnelForm, opp } from '../../../fixtures/funnel'

describe('validator-cache', () => {
  describe('validatorFor', () => {
    const form = funnelForm()
    const validate = validatorFor(form)

    it('should refuse a stage change into a gated stage on update', () => {
      expect(validate({ name: 'A', stage: 'proposal' }, { name: 'A', stage: 'needs' }).map(i => i.code)).toEqual(['stageGate'])
    })

    it('should refuse lost without a loss reason on update', () => {
      expect(validate({ name: 'A', stage: 'lost' }, { name: 'A', stage: 'needs' }).map(i => i.code)).toEqual(['lossReason'])
    })

    it('should report an unknown stage once, from the schema, without stage rules', () => {
      expect(validate({ name: 'A', stage: 'gone' }, { name: 'A', stage: 'needs' }).map(i => i.code)).toEqual(['stage'])
    })

    it('should accept a stored serial number when another field is edited', () => {
      expect(validate({ name: 'B', stage: 'lead', no: 'SJ-0001' }, { name: 'A', stage: 'lead', no: 'SJ-0001' })).toEqual([])
    })

    it('should refuse changing a serial number', () => {
      const issues = validate({ name: 'A', stage: 'lead', no: 'SJ-9999' }, { name: 'A', stage: 'lead', no: 'SJ-0001' })
      expect(issues.map(i => [i.fieldId, i.code])).toEqual([['no', 'computed']])
      expect(issues[0]?.message['zh-CN']).toContain('编号')
    })

    it('should let updateRecords refuse the whole write and keep the stored stage', () => {
      const stored = opp('r1', { stage: 'needs' })
      const result = updateRecords(form, new Map([['r1', stored]]), [{ recordId: 'r1', values: { stage: 'proposal' } }], validate, { now: 1 })
      expect(result.ok).toBe(false)
      expect(stored.values.stage).toBe('needs')
    })

    it('should let updateRecords log a stage event once the gate is met', () => {
      const stored = opp('r1', { stage: 'needs', amount: 10, needsText: 'CRM' })
      const result = updateRecords(form, new Map([['r1', stored]]), [{ recordId: 'r1', values: { stage: 'proposal' } }], validate, { now: 5 })
      expect(result.ok && result.tx.stageEvents?.map(e => [e.from, e.to])).toEqual([['needs', 'proposal']])
    })
  })
})

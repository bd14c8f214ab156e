import { describe, expect, it } from 'vitest'
import { checkStageRules, enteredStages, isBlank } from '../../../../src/core/records/stage-rules'
import { funnelForm } from '../../../fixtures/funnel'

describe('stage-rules', () => {
  const form = funnelForm()

  describe('enteredStages', () => {
    it('should report the new stage when the value changes', () => {
      expect(enteredStages(form, { stage: 'proposal' }, { stage: 'needs' }).map(e => e.stage.id)).toEqual(['proposal'])
    })

    it('should report nothing when the stage stays the same', () => {
      expect(enteredStages(form, { stage: 'proposal', amount: 5 }, { stage: 'proposal' })).toEqual([])
    })

    it('should treat every stage of a new record as entered', () => {
      expect(enteredStages(form, { stage: 'lead' }).map(e => e.stage.id)).toEqual(['lead'])
    })

    it('should leave unknown stage ids to the record schema', () => {
      expect(enteredStages(form, { stage: 'nope' }, { stage: 'lead' })).toEqual([])
    })
  })

  describe('checkStageRules', () => {
    it('should refuse entering a gated stage and name the stage and every missing field in both languages', () => {
      const [issue, ...rest] = checkStageRules(form, { stage: 'proposal' }, { stage: 'needs' })
      expect(rest).toEqual([])
      expect(issue).toMatchObject({ fieldId: 'stage', code: 'stageGate', stageId: 'proposal', missingFields: ['amount', 'needsText'] })
      expect(issue?.message['zh-CN']).toBe('销售阶段：进入阶段「方案制定」前，请先填写「金额」、「客户需求」')
      expect(issue?.message.en).toBe('Stage: before entering the stage "Proposal", fill in "Amount", "Needs"')
    })

    it('should name only the fields still missing', () => {
      const issues = checkStageRules(form, { stage: 'proposal', amount: 1000, needsText: '  ' }, { stage: 'needs' })
      expect(issues[0]?.missingFields).toEqual(['needsText'])
    })

    it('should accept entering a gated stage with its fields filled', () => {
      expect(checkStageRules(form, { stage: 'proposal', amount: 0, needsText: 'ERP' }, { stage: 'needs' })).toEqual([])
    })

    it('should not re-check the gate when other fields of a record in that stage change', () => {
      expect(checkStageRules(form, { stage: 'proposal', name: 'x' }, { stage: 'proposal' })).toEqual([])
    })

    it('should check the gate of the starting stage of a new record', () => {
      expect(checkStageRules(form, { stage: 'won' })[0]?.missingFields).toEqual(['amount'])
    })

    it('should require a loss reason when moving to lost, once, with its own message', () => {
      const issues = checkStageRules(form, { stage: 'lost' }, { stage: 'needs' })
      expect(issues.map(i => i.code)).toEqual(['lossReason'])
      expect(issues[0]?.message['zh-CN']).toBe('销售阶段：移入「输单」需要输单原因，请先填写「输单原因」')
      expect(issues[0]?.message.en).toContain('moving to "Closed lost" needs a loss reason')
    })

    it('should accept moving to lost with a loss reason', () => {
      expect(checkStageRules(form, { stage: 'lost', reason: 'price' }, { stage: 'needs' })).toEqual([])
    })

    it('should ignore gate fields that no longer exist in the form', () => {
      const f = funnelForm()
      f.fields = f.fields.filter(x => x.id !== 'needsText')
      expect(checkStageRules(f, { stage: 'proposal', amount: 1 }, { stage: 'needs' })).toEqual([])
    })
  })

  describe('isBlank', () => {
    it('should count 0 and false as filled and blank text, [] and {} as empty', () => {
      expect([0, false, 'a', ['x']].map(isBlank)).toEqual([false, false, false, false])
      expect([null, undefined, ' ', [], {}].map(isBlank)).toEqual([true, true, true, true, true])
    })
  })
})

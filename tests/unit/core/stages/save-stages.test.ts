import { describe, expect, it } from 'vitest'
import { countByStage, removeStage, renameStage, saveStagesTransaction, unmovedStages } from '../../../../src/core/stages'
import { funnelForm, funnelStageField, opp } from '../../../fixtures/funnel'

const records = [opp('a', { stage: 'needs' }), opp('b', { stage: 'needs' }), opp('c', { stage: 'lead' })]

describe('save-stages', () => {
  describe('countByStage', () => {
    it('should count records per stage', () => {
      expect(Object.fromEntries(countByStage(records, 'stage'))).toEqual({ needs: 2, lead: 1 })
    })
  })

  describe('unmovedStages', () => {
    it('should list removed stages that still hold records and have no move', () => {
      const next = removeStage(funnelStageField(), 'needs')
      expect(unmovedStages(next, records, [])).toEqual(['needs'])
      expect(unmovedStages(next, records, [{ from: 'needs', to: 'lead' }])).toEqual([])
    })
  })

  describe('saveStagesTransaction', () => {
    it('should save a rename as one definition write without touching records', () => {
      const next = renameStage(funnelStageField(), 'needs', '需求确认')
      const result = saveStagesTransaction(funnelForm(), next, records, [], { now: 9 })
      if (!result.ok) throw new Error('refused')
      const { form, tx } = result
      expect(tx.records).toBeUndefined()
      expect(form.updatedAt).toBe(9)
      expect(tx.defs?.put?.[0]?.doc).toBe(form)
    })

    it('should move records out of a removed stage with stage events, ignoring the target gate, in one transaction', () => {
      const next = removeStage(funnelStageField(), 'needs')
      const result = saveStagesTransaction(funnelForm(), next, records, [{ from: 'needs', to: 'proposal' }], { now: 9, memberId: 'm1' })
      if (!result.ok) throw new Error('refused')
      const { tx } = result
      expect(tx.records?.opp?.put?.map(r => [r.id, r.values.stage, r.rev])).toEqual([['a', 'proposal', 2], ['b', 'proposal', 2]])
      expect(tx.stageEvents?.map(e => [e.recordId, e.from, e.to, e.at])).toEqual([['a', 'needs', 'proposal', 9], ['b', 'needs', 'proposal', 9]])
      expect(tx.changes).toHaveLength(2)
      const saved = tx.defs?.put?.[0]?.doc as ReturnType<typeof funnelForm>
      expect(saved.fields.find(f => f.id === 'stage')).toBe(next)
    })

    it('should refuse to leave records in a removed stage, or move them to a stage that does not exist', () => {
      const next = removeStage(funnelStageField(), 'needs')
      expect(() => saveStagesTransaction(funnelForm(), next, records, [], { now: 1 })).toThrow(/needs/)
      expect(() => saveStagesTransaction(funnelForm(), next, records, [{ from: 'needs', to: 'needs' }], { now: 1 })).toThrow(/not a stage/)
    })
  })
})

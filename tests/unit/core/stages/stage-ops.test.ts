import { describe, expect, it } from 'vitest'
import { addStage, moveStage, recolorStage, removalBlocker, removeStage, renameStage, restoreStage, setStageGate, setStageProbability, setStageTargetDays, setStageTargetRate, setStalledDays } from '../../../../src/core/stages'
import { funnelStageField } from '../../../fixtures/funnel'

const ids = (f: ReturnType<typeof funnelStageField>) => f.options.stages.map(s => s.id)

describe('stage-ops', () => {
  describe('addStage', () => {
    it('should add an open stage after the last open stage, before the outcomes', () => {
      const f = addStage(funnelStageField(), { id: 'nego', label: { 'zh-CN': '谈判', 'en': 'Negotiation' } })
      expect(ids(f)).toEqual(['lead', 'needs', 'proposal', 'nego', 'won', 'lost'])
      expect(f.options.stages[3]?.kind).toBe('open')
    })

    it('should insert an open stage at a position among the open stages', () => {
      expect(ids(addStage(funnelStageField(), { id: 'x', label: 'X' }, 1))).toEqual(['lead', 'x', 'needs', 'proposal', 'won', 'lost'])
    })

    it('should refuse a taken id and a second lost outcome', () => {
      expect(() => addStage(funnelStageField(), { id: 'lead', label: 'L' })).toThrow(/taken/)
      expect(() => addStage(funnelStageField(), { id: 'l2', label: 'L', kind: 'lost' })).toThrow(/lost/)
    })

    it('should not change the input field', () => {
      const f = funnelStageField()
      addStage(f, { id: 'x', label: 'X' })
      expect(ids(f)).toEqual(['lead', 'needs', 'proposal', 'won', 'lost'])
    })
  })

  describe('renameStage', () => {
    it('should replace the label and keep the id, so records keep their stage', () => {
      const f = renameStage(funnelStageField(), 'needs', { 'zh-CN': '需求确认', 'en': 'Needs confirmed' })
      expect(f.options.stages[1]).toMatchObject({ id: 'needs', label: { 'zh-CN': '需求确认', 'en': 'Needs confirmed' } })
    })
  })

  describe('moveStage', () => {
    it('should reorder open stages and keep outcomes last', () => {
      expect(ids(moveStage(funnelStageField(), 'proposal', 0))).toEqual(['proposal', 'lead', 'needs', 'won', 'lost'])
      expect(ids(moveStage(funnelStageField(), 'lead', 99))).toEqual(['needs', 'proposal', 'lead', 'won', 'lost'])
    })

    it('should refuse to move an outcome', () => {
      expect(() => moveStage(funnelStageField(), 'won', 0)).toThrow(/open/)
    })
  })

  describe('stage settings', () => {
    it('should set colour, probability (clamped), stalled days and gate, and clear them', () => {
      let f = recolorStage(funnelStageField(), 'lead', '#ff0000')
      f = setStageProbability(f, 'lead', 130)
      f = setStalledDays(f, 'needs', 9)
      f = setStageGate(f, 'needs', ['amount', 'amount', 'stage'])
      expect(f.options.stages[0]).toMatchObject({ color: '#ff0000', probability: 100 })
      expect(f.options.stages[1]).toMatchObject({ stalledAfterDays: 9, gate: ['amount'] })
      f = setStalledDays(setStageGate(recolorStage(f, 'needs', undefined), 'needs', []), 'needs', 0)
      expect(f.options.stages[1]).not.toHaveProperty('gate')
      expect(f.options.stages[1]).not.toHaveProperty('stalledAfterDays')
      expect(f.options.stages[1]).not.toHaveProperty('color')
    })

    it('should set an open stage\'s targets (rate clamped to 0..100), clear them, and refuse them on outcomes', () => {
      let f = setStageTargetDays(setStageTargetRate(funnelStageField(), 'lead', 140), 'lead', 12)
      f = setStageTargetRate(f, 'needs', -3)
      expect(f.options.stages[0]).toMatchObject({ targetRate: 100, targetDays: 12 })
      expect(f.options.stages[1]).toMatchObject({ targetRate: 0 })
      f = setStageTargetDays(setStageTargetRate(f, 'lead', undefined), 'lead', 0)
      expect(f.options.stages[0]).not.toHaveProperty('targetRate')
      expect(f.options.stages[0]).not.toHaveProperty('targetDays')
      expect(setStageTargetRate(f, 'won', 50).options.stages[3]).not.toHaveProperty('targetRate')
    })

    it('should throw for an unknown stage', () => {
      expect(() => renameStage(funnelStageField(), 'zzz', 'x')).toThrow(/zzz/)
    })
  })

  describe('removeStage', () => {
    it('should drop the stage and keep it in removedStages for history', () => {
      const f = removeStage(funnelStageField(), 'needs')
      expect(ids(f)).toEqual(['lead', 'proposal', 'won', 'lost'])
      expect(f.options.removedStages?.map(s => s.id)).toEqual(['needs'])
    })

    it('should refuse removing the last open stage or the last won outcome', () => {
      const one = removeStage(removeStage(funnelStageField(), 'needs'), 'proposal')
      expect(removalBlocker(one, 'lead')).toBe('lastOpen')
      expect(removalBlocker(one, 'won')).toBe('lastWon')
      expect(removalBlocker(one, 'lost')).toBeNull()
      expect(() => removeStage(one, 'lead')).toThrow(/lastOpen/)
    })
  })
})

describe('stage-ops restore', () => {
  describe('restoreStage', () => {
    it('should put a removed open stage back at its position and forget it as removed', () => {
      const f = restoreStage(removeStage(funnelStageField(), 'needs'), 'needs', 1)
      expect(ids(f)).toEqual(['lead', 'needs', 'proposal', 'won', 'lost'])
      expect(f.options).not.toHaveProperty('removedStages')
      expect(f.options.stages[1]).toEqual(funnelStageField().options.stages[1])
    })

    it('should refuse a stage that was never removed', () => {
      expect(() => restoreStage(funnelStageField(), 'needs')).toThrow(/no removed stage/)
    })
  })
})

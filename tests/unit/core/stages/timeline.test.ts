import { describe, expect, it } from 'vitest'
import { buildStageTimeline, removeStage, stageName } from '../../../../src/core/stages'
import { funnelStageField, stageEvent } from '../../../fixtures/funnel'

const DAY = 86_400_000

describe('timeline', () => {
  describe('buildStageTimeline', () => {
    it('should list visits oldest first with days spent, the current one up to now', () => {
      const events = [stageEvent('e2', 'lead', 'needs', 3), stageEvent('e1', null, 'lead', 0), stageEvent('e3', 'needs', 'proposal', 10)]
      const entries = buildStageTimeline(events, funnelStageField(), 12.5 * DAY)
      expect(entries.map(e => [e.stageId, e.days, e.leftAt === null])).toEqual([['lead', 3, false], ['needs', 7, false], ['proposal', 2.5, true]])
      expect(entries[1]).toMatchObject({ color: '#9a60b4', kind: 'open', fromStageId: 'lead', label: { 'zh-CN': '需求分析' } })
    })

    it('should stop the clock of a deal once it is won or lost, keeping the days of the stages before', () => {
      const events = [stageEvent('e1', null, 'lead', 0), stageEvent('e2', 'lead', 'won', 2)]
      const entries = buildStageTimeline(events, funnelStageField(), 3563 * DAY)
      expect(entries.map(e => [e.stageId, e.days])).toEqual([['lead', 2], ['won', null]])
      expect(buildStageTimeline([stageEvent('e1', null, 'lost', 0)], funnelStageField(), 9 * DAY)[0]?.days).toBeNull()
    })

    it('should skip events that repeat the current stage and events of other fields', () => {
      const events = [stageEvent('e1', null, 'lead', 0), stageEvent('e2', 'lead', 'lead', 1), { ...stageEvent('e3', null, 'won', 2), fieldId: 'other' }]
      expect(buildStageTimeline(events, funnelStageField(), 4 * DAY).map(e => [e.stageId, e.days])).toEqual([['lead', 4]])
    })

    it('should still name a stage removed after the record passed through it', () => {
      const field = removeStage(funnelStageField(), 'needs')
      const entries = buildStageTimeline([stageEvent('e1', null, 'needs', 0), stageEvent('e2', 'needs', 'proposal', 2)], field, 3 * DAY)
      expect(entries[0]).toMatchObject({ stageId: 'needs', removed: true, label: { 'zh-CN': '需求分析' } })
      expect(stageName(field, 'needs', 'en')).toBe('Needs analysis')
    })

    it('should show an unknown stage id as it is', () => {
      const entries = buildStageTimeline([stageEvent('e1', null, 'mystery', 0)], funnelStageField(), DAY)
      expect(entries[0]).toMatchObject({ label: 'mystery', kind: 'unknown', color: '#9a9a9a' })
    })
  })
})

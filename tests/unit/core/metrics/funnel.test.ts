import { describe, expect, it } from 'vitest'
import { cumulativeFunnel, snapshotFunnel, strictFunnel, summarizeStageHistory } from '../../../../src/core/metrics'
import type { MetricOptions } from '../../../../src/core/metrics'
import { DAY, mixedPipeline } from '../../../fixtures/metrics'

const data = mixedPipeline()
const input = (options: MetricOptions = {}) => ({ ...data, options: { amountField: 'amount', ...options } })
const counts = (f: { steps: { count: number }[] }) => f.steps.map(s => s.count)

describe('funnel', () => {
  describe('cumulativeFunnel', () => {
    it('should count skipped stages as passed, won as reaching all, lost at the stage lost from', () => {
      const f = cumulativeFunnel(input())
      expect(f.steps.map(s => s.stageId)).toEqual(['s1', 's2', 's3', 'won'])
      expect(counts(f)).toEqual([8, 5, 4, 3])
      expect(f.steps.map(s => s.amount)).toEqual([800, 730, 650, 600])
      expect(f.lostUnknown).toBe(1)
    })

    it('should reuse a precomputed summary and give the same numbers', () => {
      const summary = summarizeStageHistory(data.records, data.events, data.field)
      expect(counts(cumulativeFunnel({ ...input(), summary }))).toEqual([8, 5, 4, 3])
    })

    it('should apply the caller\'s record predicate', () => {
      const f = cumulativeFunnel(input({ where: r => (r.values.amount as number) >= 50 }))
      expect(counts(f)).toEqual([5, 5, 4, 3])
    })

    it('should take in cohort mode only records entering the funnel in the period', () => {
      const f = cumulativeFunnel(input({ period: { from: 1 * DAY, to: 3 * DAY } }))
      expect(counts(f)).toEqual([4, 2, 2, 1])
    })

    it('should count in activity mode only stage entries made in the period', () => {
      const f = cumulativeFunnel(input({ mode: 'activity', period: { from: 2 * DAY, to: 5 * DAY } }))
      expect(counts(f)).toEqual([5, 4, 2, 0])
    })

    it('should return zero steps for an empty period, not NaN', () => {
      const f = cumulativeFunnel(input({ period: { from: 100 * DAY } }))
      expect(counts(f)).toEqual([0, 0, 0, 0])
      expect(f.steps.map(s => s.amount)).toEqual([0, 0, 0, 0])
    })

    it('should sum amounts as 0 without an amount field', () => {
      expect(cumulativeFunnel({ ...data }).steps.map(s => s.amount)).toEqual([0, 0, 0, 0])
    })
  })

  describe('strictFunnel', () => {
    it('should require S1..Sk entered in order (skips and unrecorded histories drop out)', () => {
      const f = strictFunnel(input())
      expect(counts(f)).toEqual([6, 3, 2, 1])
      expect(f.steps.map(s => s.amount)).toEqual([460, 230, 150, 100])
    })

    it('should follow only in-period entries in activity mode', () => {
      expect(counts(strictFunnel(input({ mode: 'activity', period: { from: 2 * DAY, to: 5 * DAY } })))).toEqual([2, 1, 0, 0])
    })
  })

  describe('snapshotFunnel', () => {
    it('should count and sum records per current stage, leaving out records without a stage', () => {
      const f = snapshotFunnel(input())
      expect(f.stages.map(s => [s.stageId, s.count, s.amount])).toEqual([
        ['s1', 1, 20], ['s2', 1, 50], ['s3', 0, 0], ['won', 3, 600], ['lost', 3, 130],
      ])
      expect(f.total).toBe(8)
      expect(f.totalAmount).toBe(800)
    })

    it('should restrict to the cohort in cohort mode and ignore the period in activity mode', () => {
      expect(snapshotFunnel(input({ period: { from: 5 * DAY } })).total).toBe(1)
      expect(snapshotFunnel(input({ mode: 'activity', period: { from: 5 * DAY } })).total).toBe(8)
    })
  })
})

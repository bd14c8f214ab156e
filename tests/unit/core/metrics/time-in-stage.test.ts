import { describe, expect, it } from 'vitest'
import { timeInStage } from '../../../../src/core/metrics'
import { DAY, mixedPipeline, nonFinite, rec, stageField, walk } from '../../../fixtures/metrics'

const data = mixedPipeline()
const inDays = (x: number | null) => (x === null ? null : x / DAY)
const days = (d: { count: number, mean: number | null, median: number | null, p90: number | null }) =>
  [d.count, inDays(d.mean), inDays(d.median), inDays(d.p90)]

describe('time-in-stage', () => {
  describe('timeInStage', () => {
    const t = timeInStage({ ...data, options: { now: data.now } })
    const [s1, s2, s3] = t.stages

    it('should give mean, median and nearest-rank p90 over completed visits', () => {
      expect(days(s1!.completed)).toEqual([6, 10 / 6, 1.5, 3])
      expect(days(s2!.completed)).toEqual([4, 3, 2.5, 5])
      expect(days(s3!.completed)).toEqual([3, 4, 5, 5])
    })

    it('should report per record the latest visit and the sum over re-entries', () => {
      expect(days(s2!.latest)).toEqual([3, 10 / 3, 3, 5])
      expect(days(s2!.cumulative)).toEqual([3, 4, 3, 7])
      expect(days(s1!.cumulative)).toEqual([5, 2, 2, 3])
    })

    it('should report open visits separately by their age so far', () => {
      expect(days(s1!.open)).toEqual([1, 15, 15, 15])
      expect(days(s2!.open)).toEqual([1, 14, 14, 14])
      expect(s3!.open).toEqual({ count: 0, mean: null, median: null, p90: null })
    })

    it('should only use visits started in the period in activity mode', () => {
      const a = timeInStage({ ...data, options: { now: data.now, mode: 'activity', period: { from: 3 * DAY, to: 6 * DAY } } })
      expect(days(a.stages[1]!.completed)).toEqual([1, 5, 5, 5])
      expect(days(a.stages[2]!.completed)).toEqual([3, 4, 5, 5])
    })

    it('should give null statistics, never NaN, with no records', () => {
      const e = timeInStage({ records: [], events: [], field: stageField() })
      expect(nonFinite(e)).toEqual([])
      expect(e.stages[0]!.completed.mean).toBeNull()
    })

    it('should average an even number of visits for the median', () => {
      const r = timeInStage({ records: [rec('a', 's2'), rec('b', 's2')], events: [...walk('a', [['s1', 0], ['s2', 1]]), ...walk('b', [['s1', 0], ['s2', 4]])], field: stageField() })
      expect(inDays(r.stages[0]!.completed.median)).toBe(2.5)
    })
  })
})

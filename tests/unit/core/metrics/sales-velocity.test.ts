import { describe, expect, it } from 'vitest'
import { salesVelocity } from '../../../../src/core/metrics'
import { mixedPipeline, nonFinite, rec, stageField, walk } from '../../../fixtures/metrics'

const data = mixedPipeline()

describe('sales-velocity', () => {
  describe('salesVelocity', () => {
    it('should multiply open deals, average won amount and win rate, divided by average cycle days', () => {
      const v = salesVelocity({ ...data, options: { amountField: 'amount' } })
      expect(v).toMatchObject({ openDeals: 2, averageWonAmount: 200, winRate: 0.5, averageCycleDays: 9 })
      expect(v.perDay).toBeCloseTo(2 * 200 * 0.5 / 9, 12)
    })

    it('should be null when the average cycle is 0 days', () => {
      const records = [rec('w', 'won', { amount: 10 }), rec('o', 's1')]
      const v = salesVelocity({ records, events: walk('w', [['s1', 3], ['won', 3]]), field: stageField(), options: { amountField: 'amount' } })
      expect(v.averageCycleDays).toBe(0)
      expect(v.perDay).toBeNull()
    })

    it('should be null, never NaN, without any closed record', () => {
      const v = salesVelocity({ records: [rec('o', 's1')], events: [], field: stageField() })
      expect(v).toMatchObject({ openDeals: 1, averageWonAmount: null, winRate: null, perDay: null })
      expect(nonFinite(v)).toEqual([])
    })
  })
})

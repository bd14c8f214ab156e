import { describe, expect, it } from 'vitest'
import { lossAnalysis } from '../../../../src/core/metrics'
import { DAY, mixedPipeline, rec, stageField, walk } from '../../../fixtures/metrics'

const data = mixedPipeline()

describe('loss-analysis', () => {
  describe('lossAnalysis', () => {
    it('should group lost records by the stage lost from, unknown last, and by reason', () => {
      const l = lossAnalysis({ ...data, options: { amountField: 'amount' } })
      expect(l.lost).toBe(3)
      expect(l.amount).toBe(130)
      expect(l.byStage.map(g => [g.key, g.count, g.amount])).toEqual([['s1', 1, 10], ['s2', 1, 80], ['s3', 0, 0], [null, 1, 40]])
      expect(l.byReason.map(g => [g.key, g.count, g.amount])).toEqual([['price', 2, 90], ['timing', 1, 40]])
    })

    it('should attribute a loss to each open stage it can happen from', () => {
      const records = ['s1', 's2', 's3'].map(s => rec(s, 'lost'))
      const events = ['s1', 's2', 's3'].flatMap(s => walk(s, [[s, 0], ['lost', 1]]))
      const l = lossAnalysis({ records, events, field: stageField() })
      expect(l.byStage.map(g => g.count)).toEqual([1, 1, 1, 0])
      expect(l.byReason).toEqual([{ key: null, count: 3, amount: 0 }])
    })

    it('should only count losses dated in the period', () => {
      const l = lossAnalysis({ ...data, options: { period: { from: 5 * DAY } } })
      expect(l.lost).toBe(1)
      expect(l.undated).toBe(1)
    })
  })
})

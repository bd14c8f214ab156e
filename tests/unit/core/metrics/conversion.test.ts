import { describe, expect, it } from 'vitest'
import { conversion, formatRatio, ratio } from '../../../../src/core/metrics'
import { DAY, mixedPipeline, nonFinite, stageField } from '../../../fixtures/metrics'

const data = mixedPipeline()

describe('conversion', () => {
  describe('conversion', () => {
    it('should give stage k -> k+1, cumulative and overall conversion of the any-order funnel', () => {
      const c = conversion({ ...data })
      expect(c.steps.map(s => [s.from, s.to, s.rate])).toEqual([['s1', 's2', 0.625], ['s2', 's3', 0.8], ['s3', 'won', 0.75]])
      expect(c.cumulative.map(s => s.rate)).toEqual([1, 0.625, 0.5, 0.375])
      expect(c.overall).toBe(0.375)
    })

    it('should compute conversion by amount too', () => {
      const c = conversion({ ...data, options: { amountField: 'amount' } })
      expect(c.steps.map(s => s.amountRate)).toEqual([730 / 800, 650 / 730, 600 / 650])
    })

    it('should convert the strict funnel on request', () => {
      const c = conversion({ ...data }, 'strict')
      expect(c.steps.map(s => s.rate)).toEqual([0.5, 2 / 3, 0.5])
      expect(c.overall).toBe(1 / 6)
    })

    it('should answer null (no data), never NaN or 0, when a denominator is zero', () => {
      const c = conversion({ ...data, options: { period: { from: 100 * DAY } } })
      expect(c.steps.map(s => s.rate)).toEqual([null, null, null])
      expect(c.cumulative.map(s => s.rate)).toEqual([null, null, null, null])
      expect(c.overall).toBeNull()
      expect(nonFinite(c)).toEqual([])
    })

    it('should report no overall conversion for a field without a won stage', () => {
      const field = stageField(stageField().options.stages.filter(s => s.kind !== 'won'))
      const c = conversion({ records: data.records.filter(r => r.values.stage !== 'won'), events: [], field })
      expect(c.overall).toBeNull()
      expect(c.steps).toHaveLength(2)
    })
  })

  describe('ratio', () => {
    it('should return null for a zero denominator', () => {
      expect(ratio(0, 0)).toBeNull()
      expect(ratio(3, 0)).toBeNull()
      expect(ratio(0, 4)).toBe(0)
    })
  })

  describe('formatRatio', () => {
    it('should render null as an em dash and ratios as percentages', () => {
      expect(formatRatio(null)).toBe('—')
      expect(formatRatio(0.6315, 2)).toBe('63.15%')
      expect(formatRatio(0)).toBe('0.0%')
    })
  })
})

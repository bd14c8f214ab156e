import { describe, expect, it } from 'vitest'
import { salesCycle } from '../../../../src/core/metrics'
import { DAY, mixedPipeline, rec, stageField, walk } from '../../../fixtures/metrics'

const data = mixedPipeline()

describe('sales-cycle', () => {
  describe('salesCycle', () => {
    it('should measure won records from first stage event to won event, skipping won without history', () => {
      const c = salesCycle({ ...data })
      expect(c.count).toBe(2)
      expect(c.days).toMatchObject({ mean: 9, median: 9, p90: 10 })
      expect(c.unknown).toBe(1)
    })

    it('should start at creation time when the first event has a from stage', () => {
      const c = salesCycle({ records: [rec('x', 'won', {}, 2)], events: walk('x', [['won', 12]], 's2'), field: stageField() })
      expect(c.days.mean).toBe(10)
    })

    it('should only take records won in the period', () => {
      expect(salesCycle({ ...data, options: { period: { from: 9 * DAY } } }).days.mean).toBe(10)
    })

    it('should give null, not NaN, when no record was won', () => {
      const c = salesCycle({ ...data, options: { period: { from: 50 * DAY } } })
      expect(c.days).toEqual({ count: 0, mean: null, median: null, p90: null })
    })
  })
})

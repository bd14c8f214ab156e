import { describe, expect, it } from 'vitest'
import { winRate } from '../../../../src/core/metrics'
import { DAY, mixedPipeline } from '../../../fixtures/metrics'

const data = mixedPipeline()
const opts = { amountField: 'amount' }

describe('win-rate', () => {
  describe('winRate', () => {
    it('should divide won by won + lost over every closed record without a period', () => {
      const w = winRate({ ...data, options: opts })
      expect(w).toMatchObject({ won: 3, lost: 3, rate: 0.5, wonAmount: 600, lostAmount: 130, undated: 0 })
      expect(w.amountRate).toBeCloseTo(600 / 730, 12)
    })

    it('should count records closed in the half-open period and report undated closes', () => {
      const w = winRate({ ...data, options: { ...opts, period: { from: 0, to: 9 * DAY } } })
      expect(w).toMatchObject({ won: 1, lost: 1, rate: 0.5, undated: 2 })
    })

    it('should be null, not NaN or 0, when nothing closed in the period', () => {
      const w = winRate({ ...data, options: { period: { from: 11 * DAY, to: 20 * DAY } } })
      expect(w.rate).toBeNull()
      expect(w.amountRate).toBeNull()
    })

    it('should use the closing date in activity mode too', () => {
      const w = winRate({ ...data, options: { mode: 'activity', period: { from: 8 * DAY, to: 11 * DAY } } })
      expect(w).toMatchObject({ won: 2, lost: 1 })
    })
  })
})

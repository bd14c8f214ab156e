import { describe, expect, it } from 'vitest'
import type { ForecastDeal } from '../../../../src/core/metrics/forecast'
import { forecastByMonth } from '../../../../src/core/metrics/forecast'

const deal = (amount: number, category: ForecastDeal['category'], month: string | null): ForecastDeal => ({ amount, category, month })

describe('forecast', () => {
  describe('forecastByMonth', () => {
    // March: closed 100 + 50, commit 200; April: best case 300, pipeline 400 + a deal without amount;
    // left out: one omitted (March), one without a date.
    const deals = [
      deal(100, 'closed', '2026-03'), deal(50, 'closed', '2026-03'), deal(200, 'commit', '2026-03'),
      deal(300, 'bestCase', '2026-04'), deal(400, 'pipeline', '2026-04'), deal(Number.NaN, 'pipeline', '2026-04'),
      deal(999, 'omitted', '2026-03'), deal(70, 'commit', null),
    ]

    it('should stack each month\'s amounts by category and count its deals', () => {
      const f = forecastByMonth(deals)
      expect(f.months.map(m => m.month)).toEqual(['2026-03', '2026-04'])
      expect(f.months[0]).toEqual({ month: '2026-03', amounts: { closed: 150, commit: 200, bestCase: 0, pipeline: 0 }, counts: { closed: 2, commit: 1, bestCase: 0, pipeline: 0 }, total: 350, target: null })
      expect(f.months[1]).toMatchObject({ amounts: { closed: 0, commit: 0, bestCase: 300, pipeline: 400 }, counts: { pipeline: 2, bestCase: 1 }, total: 700 })
    })

    it('should total the categories and tell the deals left out', () => {
      const f = forecastByMonth(deals)
      expect(f.amounts).toEqual({ closed: 150, commit: 200, bestCase: 300, pipeline: 400 })
      expect(f.counts).toEqual({ closed: 2, commit: 1, bestCase: 1, pipeline: 2 })
      expect(f.undated).toBe(1)
      expect(f.omitted).toBe(1)
    })

    it('should put each target on its month, adding months that only have a target', () => {
      const f = forecastByMonth(deals, new Map([['2026-04', 800], ['2026-05', 900]]))
      expect(f.months.map(m => [m.month, m.target, m.total])).toEqual([['2026-03', null, 350], ['2026-04', 800, 700], ['2026-05', 900, 0]])
    })

    it('should keep only the months of the window, for deals and targets', () => {
      const f = forecastByMonth(deals, new Map([['2026-03', 500], ['2026-05', 900]]), { from: '2026-04', to: '2026-04' })
      expect(f.months.map(m => m.month)).toEqual(['2026-04'])
      expect(f.amounts).toEqual({ closed: 0, commit: 0, bestCase: 300, pipeline: 400 })
    })

    it('should give an empty forecast for no deals', () => {
      expect(forecastByMonth([])).toEqual({ months: [], amounts: { closed: 0, commit: 0, bestCase: 0, pipeline: 0 }, counts: { closed: 0, commit: 0, bestCase: 0, pipeline: 0 }, undated: 0, omitted: 0 })
    })
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ByCategory, Forecast, ForecastDeal, ForecastMonth } from '../../../../src/core/metrics/forecast'
import { forecastByMonth } from '../../../../src/core/metrics/forecast'

/** forecastByMonth as it was before it read deal columns: one object per deal, sums per property. */
function oldForecastByMonth(deals: Iterable<ForecastDeal>, targets: ReadonlyMap<string, number> = new Map(), window?: { from?: string, to?: string }): Forecast {
  const zero = (): ByCategory => ({ closed: 0, commit: 0, bestCase: 0, pipeline: 0 })
  const inWindow = (m: string): boolean => (window?.from === undefined || m >= window.from) && (window?.to === undefined || m <= window.to)
  const byMonth = new Map<string, ForecastMonth>()
  const monthOf = (m: string): ForecastMonth => {
    let got = byMonth.get(m)
    if (!got) byMonth.set(m, got = { month: m, amounts: zero(), counts: zero(), total: 0, target: null })
    return got
  }
  const out: Forecast = { months: [], amounts: zero(), counts: zero(), undated: 0, omitted: 0 }
  for (const d of deals) {
    if (d.category === 'omitted') {
      out.omitted++
      continue
    }
    if (d.month === null) {
      out.undated++
      continue
    }
    if (!inWindow(d.month)) continue
    const m = monthOf(d.month)
    const a = Number.isFinite(d.amount) ? d.amount : 0
    m.amounts[d.category] += a
    m.counts[d.category]++
    m.total += a
    out.amounts[d.category] += a
    out.counts[d.category]++
  }
  for (const [month, target] of targets) {
    if (inWindow(month)) monthOf(month).target = target
  }
  out.months = [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
  return out
}

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '']
const dealArb = fc.record({
  amount: fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.constantFrom(Number.NaN, Infinity, -0, 0.1, 0.2, 1e16)),
  category: fc.constantFrom<ForecastDeal['category']>('closed', 'commit', 'bestCase', 'pipeline', 'omitted'),
  month: fc.option(fc.constantFrom(...MONTHS), { nil: null }),
})

const deal = (amount: number, category: ForecastDeal['category'], month: string | null): ForecastDeal => ({ amount, category, month })

describe('forecast', () => {
  it('should give the sums of the object-per-deal code, in the same order, over odd amounts, months, targets and windows', () => {
    const windowArb = fc.option(fc.record({ from: fc.option(fc.constantFrom(...MONTHS), { nil: undefined }), to: fc.option(fc.constantFrom(...MONTHS), { nil: undefined }) }), { nil: undefined })
    const targetsArb = fc.array(fc.tuple(fc.constantFrom(...MONTHS, '2026-07'), fc.integer({ min: 0, max: 1000 })), { maxLength: 4 }).map(xs => new Map(xs))
    fc.assert(fc.property(fc.array(dealArb, { maxLength: 60 }), targetsArb, windowArb, (deals, targets, window) => {
      expect(forecastByMonth(deals, targets, window)).toEqual(oldForecastByMonth(deals, targets, window))
    }), { numRuns: 400 })
  })

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

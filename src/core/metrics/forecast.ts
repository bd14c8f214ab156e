/**
 * Forecast by category and period: deals' amounts per month of their expected close (won deals:
 * their closed date), split into Closed / Commit / Best case / Pipeline, against the month's
 * target. See docs/architecture.md "Forecast".
 */
import type { ForecastCategory } from '../schema/types'

/** The categories a forecast chart stacks, bottom first (omitted deals are left out). */
export type ShownCategory = Exclude<ForecastCategory, 'omitted'>
export const SHOWN_CATEGORIES: readonly ShownCategory[] = ['closed', 'commit', 'bestCase', 'pipeline']

/** One deal as the forecast reads it. */
export interface ForecastDeal {
  /** Its amount; a missing amount counts 0 (the deal is still counted). */
  amount: number
  category: ForecastCategory
  /** 'YYYY-MM' of its expected close (won: closed) date, or null without one. */
  month: string | null
}

export type ByCategory = Record<ShownCategory, number>

export interface ForecastMonth {
  /** 'YYYY-MM'. */
  month: string
  amounts: ByCategory
  counts: ByCategory
  /** Sum of the shown categories' amounts. */
  total: number
  /** The month's target, or null when no target names the month. */
  target: number | null
}

export interface Forecast {
  /** Months with a deal or a target, in calendar order. */
  months: ForecastMonth[]
  amounts: ByCategory
  counts: ByCategory
  /** Deals left out: without a date (not omitted), and omitted ones. */
  undated: number
  omitted: number
}

const zero = (): ByCategory => ({ closed: 0, commit: 0, bestCase: 0, pipeline: 0 })

/**
 * Sums `deals` per month and category. `targets` maps 'YYYY-MM' to the month's target; `window`
 * keeps only months in [from, to] ('YYYY-MM', inclusive), deals and targets alike.
 */
export function forecastByMonth(deals: Iterable<ForecastDeal>, targets: ReadonlyMap<string, number> = new Map(), window?: { from?: string, to?: string }): Forecast {
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

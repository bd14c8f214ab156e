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

/** Category codes of {@link ForecastDealColumns.category}: SHOWN_CATEGORIES' indices, then omitted. */
export const OMITTED_CODE = SHOWN_CATEGORIES.length

/**
 * Deals as columns, in deal order (what {@link forecastByMonth} reads from each deal object):
 * `amount`, `category` (index into SHOWN_CATEGORIES, {@link OMITTED_CODE} for omitted) and `month`
 * (index into `months`, -1 without one).
 */
export interface ForecastDealColumns {
  count: number
  amount: Float64Array
  category: Uint8Array
  month: Int32Array
  /** 'YYYY-MM' per month code. */
  months: readonly string[]
}

/**
 * Sums `deals` per month and category. `targets` maps 'YYYY-MM' to the month's target; `window`
 * keeps only months in [from, to] ('YYYY-MM', inclusive), deals and targets alike.
 */
export function forecastByMonth(deals: Iterable<ForecastDeal>, targets: ReadonlyMap<string, number> = new Map(), window?: { from?: string, to?: string }): Forecast {
  const list = [...deals]
  const months: string[] = []
  const codeOf = new Map<string, number>()
  const cols: ForecastDealColumns = { count: list.length, amount: new Float64Array(list.length), category: new Uint8Array(list.length), month: new Int32Array(list.length), months }
  list.forEach((d, i) => {
    cols.amount[i] = d.amount
    cols.category[i] = d.category === 'omitted' ? OMITTED_CODE : SHOWN_CATEGORIES.indexOf(d.category)
    let m = -1
    if (d.month !== null) {
      m = codeOf.get(d.month) ?? -1
      if (m < 0) codeOf.set(d.month, m = months.push(d.month) - 1)
    }
    cols.month[i] = m
  })
  return forecastOfColumns(cols, targets, window)
}

/**
 * {@link forecastByMonth} over deal columns: the same sums in the same order (per month and
 * category, per month, per category, each in deal order), without an object per deal.
 */
export function forecastOfColumns(deals: ForecastDealColumns, targets: ReadonlyMap<string, number> = new Map(), window?: { from?: string, to?: string }): Forecast {
  const inWindow = (m: string): boolean => (window?.from === undefined || m >= window.from) && (window?.to === undefined || m <= window.to)
  const M = deals.months.length
  const C = SHOWN_CATEGORIES.length
  const omittedCode = OMITTED_CODE
  const shown = deals.months.map(inWindow)
  const used = new Uint8Array(M)
  const monthAmounts = new Float64Array(M * C)
  const monthCounts = new Float64Array(M * C)
  const monthTotal = new Float64Array(M)
  const amounts = new Float64Array(C)
  const counts = new Float64Array(C)
  let omitted = 0
  let undated = 0
  const { amount, category, month } = deals
  for (let i = 0; i < deals.count; i++) {
    const c = category[i] as number
    if (c === omittedCode) {
      omitted++
      continue
    }
    const m = month[i] as number
    if (m < 0) {
      undated++
      continue
    }
    if (!shown[m]) continue
    used[m] = 1
    const x = amount[i] as number
    const a = Number.isFinite(x) ? x : 0
    monthAmounts[m * C + c]! += a
    monthCounts[m * C + c]!++
    monthTotal[m]! += a
    amounts[c]! += a
    counts[c]!++
  }
  const byCategory = (xs: Float64Array, at: number): ByCategory => {
    const out = zero()
    SHOWN_CATEGORIES.forEach((k, c) => {
      out[k] = xs[at + c] as number
    })
    return out
  }
  const byMonth = new Map<string, ForecastMonth>()
  for (let m = 0; m < M; m++) {
    if (used[m] !== 1) continue
    const key = deals.months[m] as string
    byMonth.set(key, { month: key, amounts: byCategory(monthAmounts, m * C), counts: byCategory(monthCounts, m * C), total: monthTotal[m] as number, target: null })
  }
  for (const [key, target] of targets) {
    if (!inWindow(key)) continue
    let got = byMonth.get(key)
    if (!got) byMonth.set(key, got = { month: key, amounts: zero(), counts: zero(), total: 0, target: null })
    got.target = target
  }
  const months = [...byMonth.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
  return { months, amounts: byCategory(amounts, 0), counts: byCategory(counts, 0), undated, omitted }
}

/** Dashboard date presets as calendar-day ranges, and the period before one (for comparisons). */
import type { RelativeDateOp } from '../schema/filter'
import { relativeDayRange } from '../query'
import { assertNever } from '../utils/assert-never'
import type { DateRangeValue } from './context'

const DAY_MS = 86_400_000

/** Inclusive calendar-day range, 'YYYY-MM-DD'. */
export interface DaySpan {
  from: string
  to: string
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function dayToText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** The day number of a 'YYYY-MM-DD' text (NaN when it is not one). */
export function dayOfText(text: string): number {
  return textToDay(text)
}

function textToDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return m ? Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS) : Number.NaN
}

function relative(op: RelativeDateOp, now: number, n?: number): DaySpan {
  const r = relativeDayRange(op, now, 1, n)
  return { from: dayToText(r.start), to: dayToText(r.end - 1) }
}

/**
 * The days a date filter value covers at `now` (local calendar), or undefined when it does
 * not restrict (preset 'all', or a custom range without valid dates).
 */
export function daySpanOf(value: DateRangeValue, now: number): DaySpan | undefined {
  switch (value.preset) {
    case 'all': return undefined
    case 'thisMonth': case 'lastMonth': case 'thisQuarter': case 'lastQuarter': case 'thisYear': case 'lastYear':
      return relative(value.preset, now)
    case 'last30Days': return relative('lastNDays', now, 30)
    case 'last90Days': return relative('lastNDays', now, 90)
    case 'custom': {
      const a = value.from !== undefined ? textToDay(value.from) : Number.NaN
      const b = value.to !== undefined ? textToDay(value.to) : Number.NaN
      if (Number.isNaN(a) && Number.isNaN(b)) return undefined
      const lo = Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b)
      const hi = Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b)
      return { from: dayToText(lo), to: dayToText(hi) }
    }
    default: return assertNever(value.preset, 'date preset')
  }
}

/**
 * The period just before `span`, of the same length: whole calendar months when the span is
 * whole months (this quarter -> last quarter), else the same number of days.
 */
export function previousSpan(span: DaySpan): DaySpan {
  const start = textToDay(span.from)
  const end = textToDay(span.to) + 1
  const s = new Date(start * DAY_MS)
  const e = new Date(end * DAY_MS)
  if (s.getUTCDate() === 1 && e.getUTCDate() === 1) {
    const months = (e.getUTCFullYear() - s.getUTCFullYear()) * 12 + e.getUTCMonth() - s.getUTCMonth()
    const from = Math.floor(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() - months, 1) / DAY_MS)
    return { from: dayToText(from), to: dayToText(start - 1) }
  }
  return { from: dayToText(start - (end - start)), to: dayToText(start - 1) }
}

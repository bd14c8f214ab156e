/**
 * Calendar arithmetic for queries. A "day" is a calendar-day number (days since 1970-01-01,
 * timezone-free), so date-only values compare without any timezone. Instants (epoch ms) are
 * mapped to days in the local timezone, as a user reads a clock.
 */

const DAY_MS = 86_400_000

/** Day number of a calendar date; month is 0-based and may overflow (month 12 = January next year). */
export function dayFromCivil(year: number, month0: number, day: number): number {
  return Math.floor(Date.UTC(year, month0, day) / DAY_MS)
}

/** The calendar date of a day number. */
export function civilFromDay(day: number): { year: number, month0: number, day: number } {
  const d = new Date(day * DAY_MS)
  return { year: d.getUTCFullYear(), month0: d.getUTCMonth(), day: d.getUTCDate() }
}

/** Day of week of a day number: 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

/** The local calendar day of an instant. */
export function localDayOf(ms: number): number {
  const d = new Date(ms)
  return dayFromCivil(d.getFullYear(), d.getMonth(), d.getDate())
}

/** Epoch ms of local midnight starting a day (correct across daylight-saving changes). */
export function localMidnight(day: number): number {
  const c = civilFromDay(day)
  return new Date(c.year, c.month0, c.day).getTime()
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(day: number): string {
  const c = civilFromDay(day)
  return `${pad(c.year, 4)}-${pad(c.month0 + 1, 2)}-${pad(c.day, 2)}`
}

/** Zero-pads a non-negative integer. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** A span of days, end exclusive. */
export interface DayRange { start: number, end: number }

const DATE_ONLY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/**
 * The days a value names: 'YYYY' a year, 'YYYY-MM' a month, 'YYYY-MM-DD' a day, and an ISO
 * date-time string or epoch ms number the local day of that instant. Undefined when unreadable.
 */
export function daySpanOf(value: unknown): DayRange | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? single(localDayOf(value)) : undefined
  if (typeof value !== 'string') return undefined
  const m = DATE_ONLY.exec(value)
  if (!m) {
    const ms = Date.parse(value)
    return Number.isNaN(ms) ? undefined : single(localDayOf(ms))
  }
  const year = Number(m[1])
  if (m[2] === undefined) return { start: dayFromCivil(year, 0, 1), end: dayFromCivil(year + 1, 0, 1) }
  const month0 = Number(m[2]) - 1
  if (month0 < 0 || month0 > 11) return undefined
  if (m[3] === undefined) return { start: dayFromCivil(year, month0, 1), end: dayFromCivil(year, month0 + 1, 1) }
  const day = Number(m[3])
  const start = dayFromCivil(year, month0, day)
  return day >= 1 && civilFromDay(start).month0 === month0 ? single(start) : undefined
}

function single(day: number): DayRange {
  return { start: day, end: day + 1 }
}

/**
 * Fast read of a stored date value as a day number ('YYYY-MM-DD', 'YYYY-MM', ISO date-time,
 * epoch ms); NaN when empty or unreadable. Used per record, so the common shape is parsed by hand.
 */
export function dayOfValue(value: unknown): number {
  if (typeof value === 'string' && value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const y = digits(value, 0, 4)
    const mo = digits(value, 5, 2)
    const d = digits(value, 8, 2)
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return dayFromCivil(y, mo - 1, d)
    return Number.NaN
  }
  const span = daySpanOf(value)
  return span ? span.start : Number.NaN
}

/**
 * Reads a stored value as an instant (epoch ms): numbers as they are, ISO date-times by
 * Date.parse, date-only strings as local midnight. NaN when empty or unreadable.
 */
export function msOfValue(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN
  if (typeof value !== 'string' || value === '') return Number.NaN
  if (DATE_ONLY.test(value)) {
    const span = daySpanOf(value)
    return span ? localMidnight(span.start) : Number.NaN
  }
  return Date.parse(value)
}

function digits(s: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return Number.NaN
    n = n * 10 + c
  }
  return n
}

/** A span of instants (epoch ms), end exclusive. */
export interface MsRange { start: number, end: number }

/**
 * The instants a condition value names: date-only strings ('YYYY', 'YYYY-MM', 'YYYY-MM-DD')
 * cover their local days; an ISO date-time or epoch ms names one millisecond.
 */
export function msSpanOf(value: unknown): MsRange | undefined {
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    const span = daySpanOf(value)
    return span ? { start: localMidnight(span.start), end: localMidnight(span.end) } : undefined
  }
  const ms = msOfValue(value)
  return Number.isNaN(ms) ? undefined : { start: ms, end: ms + 1 }
}

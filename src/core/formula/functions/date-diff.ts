/** Calendar differences and week arithmetic: DATEDIF, NETWORKDAYS, WORKDAY, WEEKDAY, WEEKNUM, ISOWEEKNUM. */
import { civilFromDays, dayOfWeek, daysFromCivil, daysInMonth } from '../calendar'
import { checkedDate } from '../dates'
import type { FormulaValue } from '../values'
import { errorValue, isError } from '../values'
import { dateArg, dateList, intArg } from './date-args'
import type { FormulaFunction } from './spec'
import { eager, sig } from './spec'

/** DATEDIF units. */
export const DATEDIF_UNITS = ['Y', 'M', 'D', 'MD', 'YM', 'YD'] as const

/** Whole months from `start` to `end` (end >= start): a month is complete when the day of month is reached. */
function wholeMonths(start: number, end: number): number {
  const a = civilFromDays(start)
  const b = civilFromDays(end)
  return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0)
}

/** The day `d` of a month, clamped to that month's length (Feb 29 -> Feb 28). */
function clampedDay(y: number, m: number, d: number): number {
  return daysFromCivil(y, m, Math.min(d, daysInMonth(y, m)))
}

/**
 * DATEDIF(start, end, unit). "MD" counts the days after the last whole month; when the
 * start day does not exist in the previous month (Jan 31 -> Mar 1) the month end stands in
 * for it, avoiding Excel's negative results.
 */
export function datedif(start: number, end: number, unit: string): FormulaValue {
  if (start > end) return errorValue('#NUM!')
  const a = civilFromDays(start)
  const b = civilFromDays(end)
  switch (unit.toUpperCase()) {
    case 'Y': return Math.floor(wholeMonths(start, end) / 12)
    case 'M': return wholeMonths(start, end)
    case 'D': return end - start
    case 'YM': return wholeMonths(start, end) % 12
    case 'MD': {
      if (b.d >= a.d) return b.d - a.d
      const prevY = b.m === 1 ? b.y - 1 : b.y
      const prevM = b.m === 1 ? 12 : b.m - 1
      return end - clampedDay(prevY, prevM, a.d)
    }
    case 'YD': {
      let anchor = clampedDay(b.y, a.m, a.d)
      if (anchor > end) anchor = clampedDay(b.y - 1, a.m, a.d)
      return end - anchor
    }
    default: return errorValue('#NUM!')
  }
}

const NO_HOLIDAYS: ReadonlySet<number> = new Set()

function isWorkday(day: number, holidays: ReadonlySet<number>): boolean {
  const dow = dayOfWeek(day)
  return dow !== 0 && dow !== 6 && !holidays.has(day)
}

/** Monday-to-Friday days between two days, both included, minus holidays; negative when start > end. */
export function networkDays(start: number, end: number, holidays: ReadonlySet<number>): number {
  if (start > end) return -networkDays(end, start, holidays)
  const span = end - start + 1
  const fullWeeks = Math.floor(span / 7)
  let count = fullWeeks * 5
  for (let day = start + fullWeeks * 7; day <= end; day++) if (isWorkday(day, NO_HOLIDAYS)) count++
  for (const h of holidays) if (h >= start && h <= end && isWorkday(h, NO_HOLIDAYS)) count--
  return count
}

/** 1-based week of the year; weeks start on `firstDow` (0 = Sunday) and week 1 holds Jan 1. */
function weekNumber(day: number, firstDow: number): number {
  const { y } = civilFromDays(day)
  const jan1 = daysFromCivil(y, 1, 1)
  const offset = (dayOfWeek(jan1) - firstDow + 7) % 7
  return Math.floor((day - jan1 + offset) / 7) + 1
}

/** ISO 8601 week number (weeks start Monday; week 1 holds the year's first Thursday). */
export function isoWeekNumber(day: number): number {
  const isoDow = ((dayOfWeek(day) + 6) % 7) + 1
  const thursday = day - isoDow + 4
  const jan1 = daysFromCivil(civilFromDays(thursday).y, 1, 1)
  return Math.floor((thursday - jan1) / 7) + 1
}

const WEEKNUM_START: Readonly<Record<number, number>> = { 1: 0, 2: 1, 11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 16: 6, 17: 0 }

/** Date difference and week functions. */
export const DATE_DIFF_FUNCTIONS: readonly FormulaFunction[] = [
  eager('DATEDIF', sig(3, 3, ['date', 'date', 'text']), 'number', ([s, e, unit], env) => {
    const a = dateArg(s, env)
    const b = dateArg(e, env)
    if (isError(a)) return a
    if (isError(b)) return b
    if (a === null || b === null) return null
    return datedif(a.day, b.day, typeof unit === 'string' ? unit : '')
  }, { choice: { index: 2, values: DATEDIF_UNITS } }),
  eager('NETWORKDAYS', sig(2, 3, ['date', 'date', 'list']), 'number', ([s, e, hol], env) => {
    const a = dateArg(s, env)
    const b = dateArg(e, env)
    const holidays = dateList(hol, env)
    if (isError(a)) return a
    if (isError(b)) return b
    if (isError(holidays)) return holidays
    if (a === null || b === null) return null
    return networkDays(a.day, b.day, new Set(holidays))
  }),
  eager('WORKDAY', sig(2, 3, ['date', 'number', 'list']), 'date', ([s, n, hol], env) => {
    const a = dateArg(s, env)
    const count = intArg(n, 0)
    const holidays = dateList(hol, env)
    if (a === null || isError(a)) return a
    if (isError(count)) return count
    if (isError(holidays)) return holidays
    if (Math.abs(count) > 1_000_000) return errorValue('#NUM!')
    const set = new Set(holidays)
    const step = count < 0 ? -1 : 1
    let day = a.day
    for (let left = Math.abs(count); left > 0;) {
      day += step
      if (isWorkday(day, set)) left--
    }
    return checkedDate(day)
  }),
  eager('WEEKDAY', sig(1, 2, ['date', 'number']), 'number', ([v, type], env) => {
    const d = dateArg(v, env)
    const t = intArg(type, 1)
    if (d === null || isError(d)) return d
    if (isError(t)) return t
    const dow = dayOfWeek(d.day)
    if (t === 1 || t === 17) return dow + 1
    if (t === 2 || t === 11) return ((dow + 6) % 7) + 1
    if (t === 3) return (dow + 6) % 7
    if (t >= 12 && t <= 16) return ((dow - (t - 10) + 7) % 7) + 1
    return errorValue('#NUM!')
  }),
  eager('WEEKNUM', sig(1, 2, ['date', 'number']), 'number', ([v, type], env) => {
    const d = dateArg(v, env)
    const t = intArg(type, 1)
    if (d === null || isError(d)) return d
    if (isError(t)) return t
    if (t === 21) return isoWeekNumber(d.day)
    const first = WEEKNUM_START[t]
    return first === undefined ? errorValue('#NUM!') : weekNumber(d.day, first)
  }),
  eager('ISOWEEKNUM', sig(1, 1, ['date']), 'number', ([v], env) => {
    const d = dateArg(v, env)
    return d === null || isError(d) ? d : isoWeekNumber(d.day)
  }),
]

import type { RelativeDateOp } from '../schema/filter'
import { assertNever } from '../utils/assert-never'
import type { DayRange } from './dates'
import { civilFromDay, dayFromCivil, localDayOf, weekdayOf } from './dates'

/** True for the ops that name a date range relative to now (today, thisWeek, lastNDays ...). */
export function isRelativeDateOp(op: string): op is RelativeDateOp {
  return RELATIVE_OPS.has(op)
}

const RELATIVE_OPS: ReadonlySet<string> = new Set<RelativeDateOp>([
  'today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth',
  'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear', 'lastNDays', 'nextNDays',
])

/**
 * The local calendar days a relative op covers at `now` (end exclusive). Weeks start on
 * `weekStartsOn` (1 = Monday). lastNDays N = the N days ending today (today included);
 * nextNDays N = the N days starting today.
 */
export function relativeDayRange(op: RelativeDateOp, now: number, weekStartsOn: 0 | 1, n = 1): DayRange {
  const today = localDayOf(now)
  const { year, month0 } = civilFromDay(today)
  const weekStart = today - ((weekdayOf(today) - weekStartsOn + 7) % 7)
  const quarter0 = month0 - (month0 % 3)
  switch (op) {
    case 'today': return { start: today, end: today + 1 }
    case 'yesterday': return { start: today - 1, end: today }
    case 'thisWeek': return { start: weekStart, end: weekStart + 7 }
    case 'lastWeek': return { start: weekStart - 7, end: weekStart }
    case 'thisMonth': return months(year, month0, 1)
    case 'lastMonth': return months(year, month0 - 1, 1)
    case 'thisQuarter': return months(year, quarter0, 3)
    case 'lastQuarter': return months(year, quarter0 - 3, 3)
    case 'thisYear': return months(year, 0, 12)
    case 'lastYear': return months(year - 1, 0, 12)
    case 'lastNDays': return { start: today - n + 1, end: today + 1 }
    case 'nextNDays': return { start: today, end: today + n }
    default: return assertNever(op, 'relative date op')
  }
}

function months(year: number, month0: number, count: number): DayRange {
  return { start: dayFromCivil(year, month0, 1), end: dayFromCivil(year, month0 + count, 1) }
}

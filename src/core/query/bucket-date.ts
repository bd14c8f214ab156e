import { assertNever } from '../utils/assert-never'
import { civilFromDay, dayFromCivil, dayOfValue, formatDay, pad, weekdayOf } from './dates'
import type { LocalizedText } from './types'

/** Calendar units for grouping dates. */
export type DateUnit = 'day' | 'week' | 'month' | 'quarter' | 'year'

/** The bucket a date falls in. */
export interface DateBucket {
  /** Sorts chronologically as a string: '2024-03-05', week start '2024-03-04', '2024-03', '2024-Q1', '2024'. */
  key: string
  label: LocalizedText
  /** First calendar day of the bucket (days since 1970-01-01). */
  startDay: number
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * The bucket of a date value ('YYYY-MM-DD', ISO date-time or epoch ms; instants by local day).
 * Weeks start on `weekStartsOn` (1 = Monday); Monday weeks are labelled with ISO week numbers.
 * Undefined for an empty or unreadable value.
 */
export function bucketDate(value: unknown, unit: DateUnit, weekStartsOn: 0 | 1 = 1): DateBucket | undefined {
  const day = dayOfValue(value)
  return Number.isNaN(day) ? undefined : bucketOfDay(day, unit, weekStartsOn)
}

/** The bucket containing a calendar day. */
export function bucketOfDay(day: number, unit: DateUnit, weekStartsOn: 0 | 1 = 1): DateBucket {
  const { year, month0, day: dom } = civilFromDay(day)
  const y = pad(year, 4)
  switch (unit) {
    case 'day':
      return { key: formatDay(day), startDay: day, label: { 'zh-CN': `${year}年${month0 + 1}月${dom}日`, 'en': formatDay(day) } }
    case 'week': {
      const start = day - ((weekdayOf(day) - weekStartsOn + 7) % 7)
      const key = formatDay(start)
      if (weekStartsOn === 0) return { key, startDay: start, label: { 'zh-CN': `${key} 起的一周`, 'en': `Week of ${key}` } }
      const { isoYear, week } = isoWeek(start)
      return { key, startDay: start, label: { 'zh-CN': `${isoYear}年第${week}周`, 'en': `${isoYear}-W${pad(week, 2)}` } }
    }
    case 'month':
      return { key: `${y}-${pad(month0 + 1, 2)}`, startDay: dayFromCivil(year, month0, 1), label: { 'zh-CN': `${year}年${month0 + 1}月`, 'en': `${MONTHS[month0]} ${year}` } }
    case 'quarter': {
      const q = Math.floor(month0 / 3) + 1
      return { key: `${y}-Q${q}`, startDay: dayFromCivil(year, (q - 1) * 3, 1), label: { 'zh-CN': `${year}年第${q}季度`, 'en': `Q${q} ${year}` } }
    }
    case 'year':
      return { key: y, startDay: dayFromCivil(year, 0, 1), label: { 'zh-CN': `${year}年`, 'en': String(year) } }
    default:
      return assertNever(unit, 'date unit')
  }
}

/** The first day of the bucket after the one starting on `startDay`. */
export function nextBucketStart(startDay: number, unit: DateUnit): number {
  const { year, month0 } = civilFromDay(startDay)
  switch (unit) {
    case 'day': return startDay + 1
    case 'week': return startDay + 7
    case 'month': return dayFromCivil(year, month0 + 1, 1)
    case 'quarter': return dayFromCivil(year, month0 + 3, 1)
    case 'year': return dayFromCivil(year + 1, 0, 1)
    default: return assertNever(unit, 'date unit')
  }
}

/** ISO 8601 week of the Monday-started week beginning on `monday`: the year of its Thursday. */
function isoWeek(monday: number): { isoYear: number, week: number } {
  const thursday = monday + 3
  const isoYear = civilFromDay(thursday).year
  return { isoYear, week: Math.floor((thursday - dayFromCivil(isoYear, 0, 1)) / 7) + 1 }
}

/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), with no
 * Date object and no time zone: adding a day is adding 1, whatever DST does.
 */

/** A calendar date; `m` is 1..12. */
export interface Ymd {
  y: number
  m: number
  d: number
}

/** Day number of a calendar date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const mp = (m + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Calendar date of a day number. */
export function civilFromDays(day: number): Ymd {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

/** True in leap years. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

/** Days in a month (m 1..12). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Day number of year/month/day with Excel-style overflow: month 13 is next January, day 0 the previous month's last day. */
export function dayFromParts(y: number, m: number, d: number): number {
  const months = y * 12 + (m - 1)
  const yy = Math.floor(months / 12)
  const mm = months - yy * 12 + 1
  return daysFromCivil(yy, mm, 1) + d - 1
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = civilFromDays(day)
  const total = y * 12 + (m - 1) + months
  const yy = Math.floor(total / 12)
  const mm = total - yy * 12 + 1
  return daysFromCivil(yy, mm, Math.min(d, daysInMonth(yy, mm)))
}

/** Day of week, 0 = Sunday .. 6 = Saturday. */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

/** True when a y-m-d triple names a real date. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d)
    && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** 'YYYY-MM-DD' of a day number. */
export function formatYmd(day: number): string {
  const { y, m, d } = civilFromDays(day)
  const year = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0')
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

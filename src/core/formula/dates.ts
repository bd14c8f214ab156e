/** Parsing and printing of date values: field strings, epoch ms, display text, stored form. */
import { civilFromDays, daysFromCivil, formatYmd, isValidYmd } from './calendar'
import { epochFromWall, wallClock } from './timezone'
import type { DateValue, ErrorValue } from './values'
import { DAY_MS, dateValue, errorValue } from './values'

const DATE_RE = /^\s*(-?\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i

/** First day number accepted (0001-01-01) and last (9999-12-31). */
export const MIN_DAY = daysFromCivil(1, 1, 1)
export const MAX_DAY = daysFromCivil(9999, 12, 31)

/** The date, or `#NUM!` when it falls outside years 1..9999. */
export function checkedDate(day: number, ms = 0, time = false): DateValue | ErrorValue {
  const v = dateValue(day, ms, time)
  return Number.isFinite(v.day) && v.day >= MIN_DAY && v.day <= MAX_DAY ? v : errorValue('#NUM!')
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60_000
}

/**
 * Parses 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY年M月D日', and date-times with an optional zone.
 * A date-time with a zone (ISO 'Z' or '+08:00') is converted to the wall clock of `timeZone`;
 * one without a zone is taken as wall-clock time. Returns null when the text is not a date.
 */
export function parseDateText(text: string, timeZone?: string): DateValue | null {
  const m = DATE_RE.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!isValidYmd(y, mo, d)) return null
  const day = daysFromCivil(y, mo, d)
  if (m[4] === undefined) return dateValue(day)
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')]
  if (h > 23 || mi > 59 || s > 59) return null
  const frac = Number(`0.${m[7] ?? '0'}`)
  const ms = ((h * 60 + mi) * 60 + s) * 1000 + Math.round(frac * 1000)
  if (m[8] === undefined) return dateValue(day, ms, true)
  const epoch = day * DAY_MS + ms - zoneOffsetMs(m[8])
  return dateFromEpoch(epoch, timeZone)
}

/** The wall-clock date-time of an instant in a zone. */
export function dateFromEpoch(epoch: number, timeZone?: string): DateValue {
  const w = wallClock(epoch, timeZone)
  return dateValue(w.day, w.ms, true)
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** Hours, minutes, seconds and milliseconds of a date value's time of day. */
export function timeParts(v: DateValue): { h: number, mi: number, s: number, ms: number } {
  const totalSeconds = Math.floor(v.ms / 1000)
  return { h: Math.floor(totalSeconds / 3600), mi: Math.floor(totalSeconds / 60) % 60, s: totalSeconds % 60, ms: v.ms % 1000 }
}

/** Display text: 'YYYY-MM-DD', or 'YYYY-MM-DD HH:mm[:ss]' for date-times (wall clock). */
export function dateToText(v: DateValue): string {
  const date = formatYmd(v.day)
  if (!v.time) return date
  const { h, mi, s } = timeParts(v)
  return `${date} ${pad2(h)}:${pad2(mi)}${s ? `:${pad2(s)}` : ''}`
}

/** Stored form: 'YYYY-MM-DD' for dates, an ISO instant string for date-times. */
export function dateToStored(v: DateValue, timeZone?: string): string {
  if (!v.time) return formatYmd(v.day)
  return new Date(epochFromWall(v.day, v.ms, timeZone)).toISOString()
}

/** Year, month (1..12) and day of a date value. */
export function ymdOf(v: DateValue): { y: number, m: number, d: number } {
  return civilFromDays(v.day)
}

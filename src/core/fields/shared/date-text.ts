import type { DateOrder } from '../behaviour'
import { toHalfWidth } from './number-text'

/** The parts of a parsed date or datetime. `zone` is set when the text carried one (Z or ±hh:mm). */
export interface DateParts {
  y: number
  m: number
  d: number
  time?: { h: number, mi: number, s: number, ms: number }
  zone?: string
}

/** Why date text was refused. */
export type DateTextError = 'invalid' | 'ambiguous'

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?`
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?${TIME}$`)
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]?)?$/
const DAY_OR_MONTH_FIRST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})${TIME}$`)

/**
 * Parses date text: YYYY-MM-DD (also / and .), YYYY-MM, 2024年3月5日, ISO datetimes, and with
 * an explicit `order` DD-MM-YY, DD/MM/YYYY or MM/DD/YYYY. Two-digit years 00-69 are 20xx, 70-99 19xx.
 */
export function parseDateText(text: string, order?: DateOrder): DateParts | DateTextError {
  const s = toHalfWidth(text).trim()
  const iso = YEAR_FIRST.exec(s) ?? CHINESE.exec(s)
  if (iso) return build(Number(iso[1]), Number(iso[2]), iso[3] === undefined ? 1 : Number(iso[3]), iso, 4)
  const short = DAY_OR_MONTH_FIRST.exec(s)
  if (!short) return 'invalid'
  if (order === undefined) return 'ambiguous'
  if (order === 'YMD') return 'invalid'
  const a = Number(short[1])
  const b = Number(short[2])
  const yy = short[3] ?? ''
  const y = yy.length === 2 ? (Number(yy) < 70 ? 2000 : 1900) + Number(yy) : Number(yy)
  return order === 'DMY' ? build(y, b, a, short, 4) : build(y, a, b, short, 4)
}

function build(y: number, m: number, d: number, match: RegExpExecArray, t: number): DateParts | DateTextError {
  const check = new Date(Date.UTC(y, m - 1, d))
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return 'invalid'
  const parts: DateParts = { y, m, d }
  if (match[t] !== undefined) {
    const time = { h: Number(match[t]), mi: Number(match[t + 1]), s: Number(match[t + 2] ?? 0), ms: Number((match[t + 3] ?? '0').padEnd(3, '0')) }
    if (time.h > 23 || time.mi > 59 || time.s > 59) return 'invalid'
    parts.time = time
  }
  if (match[t + 4] !== undefined) parts.zone = match[t + 4]
  return parts
}

/** 'YYYY-MM-DD' of the parts (time ignored). */
export function toDateString(p: DateParts): string {
  return `${String(p.y).padStart(4, '0')}-${pad(p.m)}-${pad(p.d)}`
}

/** ISO string (UTC) of the parts; without a zone in the text the time is local time. */
export function toIsoString(p: DateParts): string {
  const t = p.time ?? { h: 0, mi: 0, s: 0, ms: 0 }
  if (p.zone === undefined) return new Date(p.y, p.m - 1, p.d, t.h, t.mi, t.s, t.ms).toISOString()
  const zone = p.zone === 'Z' ? 'Z' : `${p.zone.slice(0, 3)}:${p.zone.slice(-2)}`
  return new Date(`${toDateString(p)}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}.${String(t.ms).padStart(3, '0')}${zone}`).toISOString()
}

/** 'YYYY-MM-DD HH:mm' in local time of an ISO string or epoch ms; '' when unreadable. */
export function formatLocalDateTime(value: string | number): string {
  const dt = new Date(value)
  if (Number.isNaN(dt.getTime())) return ''
  return `${dt.getFullYear()}-${pad(dt.getMonth() + 1)}-${pad(dt.getDate())} ${pad(dt.getHours())}:${pad(dt.getMinutes())}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

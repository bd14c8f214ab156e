/** How to read numeric dates such as 05-03-17: day-month-year, month-day-year, or ISO only. */
export type DateFormat = 'iso' | 'DMY' | 'MDY'

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/

/**
 * Reads a timestamp cell as epoch ms, or null when it cannot be read. Accepts finite numbers
 * (epoch ms), Date objects, ISO strings with a zone (`Z`, `+08:00`), and zone-less
 * `YYYY-MM-DD[ HH:mm[:ss]]` or, with `format`, `DD-MM-YY(YY)` / `MM-DD-YY(YY)` (separators
 * `-`, `/`, `.`). Zone-less times are read as UTC so figures do not depend on the machine;
 * two-digit years are 2000-2069 for 00-69 and 1970-1999 otherwise.
 */
export function parseTimestamp(value: unknown, format: DateFormat = 'iso'): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime()
  if (typeof value !== 'string') return null
  const t = value.trim()
  if (t === '') return null
  const iso = ISO.exec(t)
  if (iso !== null) return utc(+iso[1]!, +iso[2]!, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), +(iso[7] ?? '0').padEnd(3, '0'))
  if (ZONED.test(t) && /^\d{4}-\d{2}-\d{2}[T ]/.test(t)) {
    const ms = Date.parse(t.replace(' ', 'T'))
    return Number.isNaN(ms) ? null : ms
  }
  if (format === 'iso') return null
  const m = NUMERIC.exec(t)
  if (m === null) return null
  const a = +m[1]!
  const b = +m[2]!
  let y = +m[3]!
  if (m[3]!.length === 2) y += y < 70 ? 2000 : 1900
  const [day, month] = format === 'DMY' ? [a, b] : [b, a]
  return utc(y, month, day, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0)
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms)
  const back = new Date(t)
  // rejects 31-02-17 and 25:00 instead of rolling them over
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null
  return t
}

/**
 * Number text as people paste it: thousands separators, currency symbols and codes, a
 * trailing %, full-width digits, (1,234) for negatives. Decimal commas are not supported:
 * a comma is always a thousands separator.
 */
export interface ParsedNumber {
  value: number
  /** The text ended with a percent sign. */
  percent: boolean
}

const CURRENCY = /^(?:CNY|RMB|USD|EUR|GBP|JPY|HKD)|(?:CNY|RMB|USD|EUR|GBP|JPY|HKD|元)$|[¥￥$€£]/gi
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

/** Parses number text; undefined when it is not a number. */
export function parseNumberText(text: string): ParsedNumber | undefined {
  let s = toHalfWidth(text).trim().replace(/[\u2212\uFE63]/g, '-')
  let negative = false
  if (/^\(.*\)$/.test(s)) {
    negative = true
    s = s.slice(1, -1).trim()
  }
  const percent = s.endsWith('%')
  if (percent) s = s.slice(0, -1).trim()
  s = s.replace(CURRENCY, '').trim()
  if (/^[+-]?\d{1,3}(?:[,' ]\d{3})+(?:\.\d*)?$/.test(s)) s = s.replace(/[,' ]/g, '')
  if (!PLAIN.test(s)) return undefined
  const n = Number(s)
  if (!Number.isFinite(n)) return undefined
  return { value: negative ? -n : n, percent }
}

/** Rounds half away from zero to `precision` decimals (none when precision is undefined). */
export function roundTo(n: number, precision: number | undefined): number {
  if (precision === undefined) return n
  const f = 10 ** precision
  const r = Math.sign(n) * Math.round(Math.abs(n) * f + Number.EPSILON * f) / f
  return Object.is(r, -0) ? 0 : r
}

/** Full-width digits and punctuation (１２３，４５６．７) to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0))
}

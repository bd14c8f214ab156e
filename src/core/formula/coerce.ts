/**
 * Excel-style coercions. Empty is 0 in arithmetic, '' in text, FALSE in logic.
 * Each returns an error value instead of throwing.
 */
import { dateToText, parseDateText } from './dates'
import type { DateValue, ErrorValue, FormulaValue } from './values'
import { DAY_MS, errorValue, isDate, isError, round15 } from './values'

const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?%?$/i

/** Parses numeric text ('12', '-1,234.5', '50%', '1e3'); null when it is not a number. */
export function parseNumberText(text: string): number | null {
  const t = text.trim()
  if (!NUMBER_TEXT.test(t) || !/\d/.test(t)) return null
  const percent = t.endsWith('%')
  const n = Number((percent ? t.slice(0, -1) : t).replace(/,/g, ''))
  if (!Number.isFinite(n)) return null
  return percent ? n / 100 : n
}

/** A number, Excel style: empty 0, TRUE 1, numeric text parsed, dates as days since 1970-01-01. */
export function toNumber(v: FormulaValue): number | ErrorValue {
  if (v === null) return 0
  if (typeof v === 'number') return v
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'string') {
    if (v.trim() === '') return 0
    return parseNumberText(v) ?? errorValue('#VALUE!')
  }
  if (Array.isArray(v)) return errorValue('#VALUE!')
  if (v.type === 'error') return v
  return v.day + v.ms / DAY_MS
}

/** Text of a number as shown in concatenation: up to 15 significant digits. */
export function formatGeneralNumber(n: number): string {
  return String(round15(n))
}

/** Text, Excel style: empty '', numbers in general format, TRUE/FALSE, lists joined with ', '. */
export function toText(v: FormulaValue): string | ErrorValue {
  if (v === null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return formatGeneralNumber(v)
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (Array.isArray(v)) {
    const parts: string[] = []
    for (const item of v) {
      if (item === null || item === '') continue
      const t = toText(item)
      if (isError(t)) return t
      parts.push(t)
    }
    return parts.join(', ')
  }
  if (v.type === 'error') return v
  return dateToText(v)
}

/** A logical value: empty FALSE, numbers non-zero, text 'TRUE'/'FALSE' (any case); other text #VALUE!. */
export function toBoolean(v: FormulaValue): boolean | ErrorValue {
  if (v === null) return false
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v !== 0
  if (typeof v === 'string') {
    const t = v.trim().toUpperCase()
    if (t === 'TRUE') return true
    if (t === 'FALSE' || t === '') return false
    return errorValue('#VALUE!')
  }
  if (Array.isArray(v)) return errorValue('#VALUE!')
  if (v.type === 'error') return v
  return true
}

/** A date: date values as they are, date text parsed; empty stays null; numbers and logic #VALUE!. */
export function toDate(v: FormulaValue, timeZone?: string): DateValue | ErrorValue | null {
  if (v === null) return null
  if (isDate(v) || isError(v)) return v
  if (typeof v === 'string') {
    if (v.trim() === '') return null
    return parseDateText(v, timeZone) ?? errorValue('#VALUE!')
  }
  return errorValue('#VALUE!')
}

/** The numbers of a value for aggregates: numbers (and dates) inside lists; direct scalars coerced. */
export function collectNumbers(args: readonly FormulaValue[], out: number[] = []): number[] | ErrorValue {
  for (const arg of args) {
    if (Array.isArray(arg)) {
      for (const item of arg) {
        if (isError(item)) return item
        if (typeof item === 'number') out.push(item)
        else if (isDate(item)) out.push(toNumber(item) as number)
      }
      continue
    }
    if (arg === null) continue
    const n = toNumber(arg)
    if (isError(n)) return n
    out.push(n)
  }
  return out
}

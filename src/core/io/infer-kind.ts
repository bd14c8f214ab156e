import { parseBooleanText } from '../fields/shared/boolean-text'
import { parseNumberText } from '../fields/shared/number-text'
import { PHONE_PATTERN, URL_PATTERN } from '../fields/shared/text-like'
import { detectDateFormat } from './date-format'

/** The field type a column's values suggest, with what the field definition needs. */
export type ColumnKind
  = | { kind: 'empty' }
    | { kind: 'email' }
    | { kind: 'url' }
    | { kind: 'phone' }
    | { kind: 'checkbox' }
    | { kind: 'text' }
    | { kind: 'textarea' }
    | { kind: 'date', withTime: boolean }
    | { kind: 'number' }
    | { kind: 'money', currency: string }
    | { kind: 'percent' }
    | { kind: 'select', choices: string[] }

/** Share of non-empty values that must fit a type for the column to get it. */
const FIT = 0.95
/** A select has at most this many distinct values, each seen on average at least twice. */
const MAX_CHOICES = 30

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = new RegExp(PHONE_PATTERN)
const URL_RE = new RegExp(URL_PATTERN)
const WEB = /^(?:https?:\/\/|www\.)/i
const CURRENCIES: [RegExp, string][] = [[/[¥￥]|CNY|RMB|元/i, 'CNY'], [/\$|USD/i, 'USD'], [/€|EUR/i, 'EUR'], [/£|GBP/i, 'GBP']]
const TRUE_FALSE = /^(?:是|否|true|false|yes|no|y|n|✓|✗|✔|✘|√|×)$/i

/**
 * Guesses a column's type from sample values. Order matters: e-mail, URL and date shapes are
 * checked before phone (a date has digits and dashes too), phone before number (a mobile
 * number is digits). A type needs 95 % of the non-empty samples to fit.
 */
export function inferColumnKind(values: readonly string[]): ColumnKind {
  const vals = values.map(v => v.trim()).filter(v => v !== '')
  if (vals.length === 0) return { kind: 'empty' }
  const share = (test: (v: string) => boolean) => vals.filter(test).length / vals.length
  if (share(v => EMAIL.test(v)) >= FIT) return { kind: 'email' }
  if (share(v => WEB.test(v) && URL_RE.test(v)) >= FIT) return { kind: 'url' }
  const dates = detectDateFormat(vals)
  if (dates.matched / vals.length >= FIT) return { kind: 'date', withTime: vals.some(v => /\d:\d\d/.test(v)) }
  if (share(isPhone) >= FIT) return { kind: 'phone' }
  const numeric = numericKind(vals)
  if (numeric) return numeric
  if (share(v => TRUE_FALSE.test(v) && parseBooleanText(v) !== undefined) >= FIT) return { kind: 'checkbox' }
  if (vals.some(v => v.includes('\n') || v.length > 100)) return { kind: 'textarea' }
  const distinct = [...new Set(vals)]
  if (distinct.length <= MAX_CHOICES && vals.length >= 2 * distinct.length && distinct.every(v => v.length <= 40))
    return { kind: 'select', choices: distinct }
  return { kind: 'text' }
}

function isPhone(v: string): boolean {
  const digits = v.replace(/\D/g, '')
  if (!PHONE.test(v) || digits.length < 7) return false
  // Plain digit runs are numbers unless they look like a phone: +, 0 prefix, separators, CN mobile.
  return /[+\s()-]/.test(v) || v.startsWith('0') || /^1[3-9]\d{9}$/.test(v)
}

function numericKind(vals: readonly string[]): ColumnKind | undefined {
  const parsed = vals.map(v => ({ v, n: parseNumberText(v) }))
  const fits = parsed.filter(p => p.n !== undefined)
  if (fits.length / vals.length < FIT) return undefined
  if (fits.every(p => p.n?.percent)) return { kind: 'percent' }
  for (const [re, currency] of CURRENCIES) {
    if (fits.some(p => re.test(p.v))) return { kind: 'money', currency }
  }
  return { kind: 'number' }
}

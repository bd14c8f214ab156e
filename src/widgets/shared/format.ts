import type { ValueFormat } from '@/core/dashboard'
import type { Label, Locale } from '@/core/schema/types'
import type { Ratio } from '@/core/metrics'
import { formatDuration, MS_PER_DAY } from '@/core/metrics'
import { currencySymbol } from '@/core/fields/shared/number-format'
import { labelText } from '@/core/utils/label'

/**
 * A number as a user reads it: thousands separators (percentages too: 1,234.5%), % for ratios, days with a unit, amounts with
 * the currency symbol of `currency` (the amount field's) when given; null = '—'.
 */
export function formatValue(v: number | null | undefined, format: ValueFormat, locale: Locale, currency?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  const nf = (digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v)
  switch (format) {
    case 'percent': return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' }).format(v * 100)}%`
    case 'money': {
      const digits = Math.abs(v) >= 100 ? nf(0) : nf(2)
      if (currency === undefined) return digits
      return v < 0 ? `-${currencySymbol(currency)}${digits.slice(1)}` : `${currencySymbol(currency)}${digits}`
    }
    case 'days': return formatDuration(v * MS_PER_DAY, locale)
    case 'number': return Number.isInteger(v) ? nf(0) : nf(2)
    default: return String(v)
  }
}

/** A ratio as a percentage ('—' for no data). */
export function pct(r: Ratio | undefined): string {
  return formatValue(r ?? null, 'percent', 'en')
}

/** Label text in the locale. */
export function text(l: Label | undefined, locale: Locale): string {
  return labelText(l, locale)
}

/** A short axis number: 1.2万 / 12k style. */
export function compact(v: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(v)
}

/**
 * A figure drawn on a bar or a point: large amounts and counts short ("¥589.7万", "1.2万"; the
 * tooltip keeps them whole), the rest as {@link formatValue} writes them.
 */
export function shortValue(v: number | null | undefined, format: ValueFormat, locale: Locale, currency?: string): string {
  if (typeof v === 'number' && Math.abs(v) >= 10_000 && (format === 'money' || format === 'number')) return axisTick(v, format, locale, currency)
  return formatValue(v, format, locale, currency)
}

/**
 * A value-axis tick as short as it reads: amounts compact with the currency symbol ("¥1.2万",
 * "-¥500"), ratios as whole percents, days to one decimal, counts compact.
 */
export function axisTick(v: number, format: ValueFormat, locale: Locale, currency?: string): string {
  if (format === 'percent') return `${Math.round(v * 100)}%`
  if (format === 'days') return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)
  const short = compact(Math.abs(v), locale)
  const symbol = format === 'money' && currency !== undefined ? currencySymbol(currency) : ''
  return `${v < 0 ? '-' : ''}${symbol}${short}`
}

/**
 * An amount input's display and parse (Element Plus `formatter` / `parser`): the typed digits
 * with the currency symbol of `currency` and the locale's thousands separators ("¥1,500,000"),
 * read back as plain digits; a typed decimal point and its digits are kept as typed.
 */
export function amountInputFormat(locale: Locale, currency: string | undefined): { formatter: (v: string) => string, parser: (v: string) => string } {
  const symbol = currency === undefined ? '' : currencySymbol(currency)
  const group = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  return {
    formatter: (v) => {
      const s = String(v ?? '')
      if (s === '' || !/^\d*(\.\d*)?$/.test(s)) return s
      const dot = s.indexOf('.')
      const whole = dot < 0 ? s : s.slice(0, dot)
      return `${symbol}${group.format(Number(whole || '0'))}${dot < 0 ? '' : s.slice(dot)}`
    },
    parser: v => String(v ?? '').replace(/[^\d.]/g, ''),
  }
}

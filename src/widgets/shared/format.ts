import type { ValueFormat } from '@/core/dashboard'
import type { Label, Locale } from '@/core/schema/types'
import type { Ratio } from '@/core/metrics'
import { formatDuration, MS_PER_DAY } from '@/core/metrics'
import { currencySymbol } from '@/core/fields/shared/number-format'
import { labelText } from '@/core/utils/label'

/**
 * A number as a user reads it: thousands separators, % for ratios, days with a unit, amounts with
 * the currency symbol of `currency` (the amount field's) when given; null = '—'.
 */
export function formatValue(v: number | null | undefined, format: ValueFormat, locale: Locale, currency?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  const nf = (digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v)
  switch (format) {
    case 'percent': return `${(v * 100).toFixed(1)}%`
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

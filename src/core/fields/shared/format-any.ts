import type { Locale } from '../../schema/types'
import { listSeparator } from './choice'
import { formatNumber } from './number-format'

/** Human text of a value whose field gives no better hint (computed results, lookups). */
export function formatAny(value: unknown, locale: Locale, precision?: number): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, { precision }) : ''
  if (typeof value === 'boolean') return locale === 'zh-CN' ? (value ? '是' : '否') : (value ? 'Yes' : 'No')
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(v => formatAny(v, locale, precision)).filter(s => s !== '').join(listSeparator(locale))
  return JSON.stringify(value)
}

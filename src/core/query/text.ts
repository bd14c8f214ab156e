/**
 * The text of a value for search and text comparison: strings as they are, numbers and
 * booleans printed, arrays joined with ', ', objects (e.g. an address) their parts joined by ' '.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map(textOf).filter(s => s !== '').join(', ')
  if (value !== null && typeof value === 'object') return Object.values(value).map(textOf).filter(s => s !== '').join(' ')
  return ''
}

/**
 * The collation used for text order everywhere (sort, gt/lt filters, group order): Chinese by
 * pinyin, Latin letters case- and accent-insensitive, as Intl.Collator('zh-CN') orders them.
 */
export const textCollator = new Intl.Collator('zh-CN', { sensitivity: 'base' })

/** Case-insensitive form used by text eq / contains / in. */
export function foldCase(s: string): string {
  return s.toLowerCase()
}

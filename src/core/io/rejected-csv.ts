import type { Locale } from '../schema/types'
import type { RejectedCell } from './import-types'
import { toCsv } from './csv-write'
import { escapeFormula } from './formula-escape'

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['行号', '列', '字段', '值', '原因'],
  'en': ['Line', 'Column', 'Field', 'Value', 'Reason'],
}

/**
 * The rejected cells as a CSV file (UTF-8 with BOM) the user downloads, fixes and imports
 * again: one line per problem, with the file's line number, column, field, value and reason.
 */
export function rejectedToCsv(rejected: readonly RejectedCell[], locale: Locale = 'zh-CN'): string {
  const rows = rejected.map(r => [String(r.row), r.column, r.field, r.value, r.reason[locale]].map(escapeFormula))
  return toCsv(HEADERS[locale], rows)
}

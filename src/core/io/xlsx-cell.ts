import type { CellValue } from 'exceljs'

/**
 * The text of a spreadsheet cell for the import pipeline, so XLSX and CSV cells are coerced
 * the same way: numbers in shortest exact form (no thousands grouping), dates as ISO
 * 'YYYY-MM-DD' (or 'YYYY-MM-DDTHH:mm:ss' wall-clock time when the cell has a time),
 * booleans 'true'/'false', formulas as their cached result, rich text as plain text.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Date) return dateText(value)
  if ('richText' in value) return value.richText.map(r => r.text).join('')
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue)
  if ('error' in value) return value.error
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null)
  return ''
}

/** Excel stores wall-clock times; exceljs hands them over as UTC dates with those digits. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return ''
  const rounded = new Date(Math.round(d.getTime() / 1000) * 1000)
  const iso = rounded.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19)
}

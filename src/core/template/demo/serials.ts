/** Orders demo rows by creation time and numbers serial fields the way the serial patterns print them. */
import type { RecordRow } from '../../schema/types'
import { compactDate } from './time.ts'

/** Sorts rows by createdAt in place (stable, so ties keep generation order). */
export function sortByCreatedAt(rows: RecordRow[]): RecordRow[] {
  return rows.sort((a, b) => a.createdAt - b.createdAt)
}

/** Fills `fieldId` with `PREFIX-yyyyMMdd-0001`, counting up in creation order (rows must be sorted). */
export function assignSerials(rows: readonly RecordRow[], fieldId: string, prefix: string): void {
  rows.forEach((row, i) => {
    row.values[fieldId] = `${prefix}-${compactDate(row.createdAt)}-${String(i + 1).padStart(4, '0')}`
  })
}

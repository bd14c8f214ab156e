import type { RecordRow } from '../core/schema/types'

/**
 * Freezes a record and its `values` object (not values nested deeper), so a row the adapter
 * shares with its callers cannot be edited by them: assigning a field throws in strict code.
 * Rows are replaced on every change, never edited, so freezing costs nothing afterwards.
 */
export function freezeRecord(row: RecordRow): RecordRow {
  if (Object.isFrozen(row)) return row
  Object.freeze(row.values)
  return Object.freeze(row)
}

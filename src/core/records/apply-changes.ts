import type { RecordRow } from '../schema/types'
import type { RecordChanges } from '../storage/adapter'

/**
 * Applies one form's record changes in place to an ordered row list and its id index:
 * puts replace or append, deletes remove. O(changes) for puts, one pass for deletes.
 */
export function applyRecordChanges(rows: RecordRow[], byId: Map<string, RecordRow>, changes: RecordChanges): void {
  const puts = changes.put ?? []
  // Few puts: indexOf per put. Many: one pass building positions, so a 10k-row paste stays O(n).
  let position: Map<RecordRow, number> | undefined
  if (puts.length > 8) position = new Map(rows.map((r, i) => [r, i]))
  for (const rec of puts) {
    const old = byId.get(rec.id)
    if (old) {
      const i = position ? (position.get(old) ?? -1) : rows.indexOf(old)
      if (i >= 0) rows[i] = rec
    }
    else {
      rows.push(rec)
    }
    byId.set(rec.id, rec)
  }
  const gone = new Set(changes.delete ?? [])
  if (gone.size) {
    for (const id of gone) byId.delete(id)
    let w = 0
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!
      if (!gone.has(row.id)) rows[w++] = row
    }
    rows.length = w
  }
}

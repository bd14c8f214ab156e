// Two people changed one record while apart: CouchDB keeps both revisions and picks the same
// winner on every replica. Fields changed on one side only merge; a field both sides changed to
// different values is contested: the user picks (the losing revision is kept until then).
import type { RecordRow } from '../schema/types'

/** Deep equality of JSON values (record values are JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((v, i) => sameValue(v, bb[i]))
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

export interface RecordMerge {
  /** The winner with the loser's one-sided changes applied. */
  row: RecordRow
  /** Fields changed on both sides to different values: the winner's value stays in `row`. */
  contested: string[]
  /** Whether `row` differs from the winner (the loser brought changes). */
  changed: boolean
}

/**
 * Merges the losing revision into the winning one, field by field, against their common ancestor
 * `base`. Without a base (the server compacted it), every field that differs is contested.
 * `computed` fields (formulas, lookups, rollups, serials…) are never contested or merged: their
 * values follow the fields they are computed from, so nobody picks them (the winner's stay).
 */
export function mergeRecordVersions(base: RecordRow | null, winner: RecordRow, loser: RecordRow, computed: ReadonlySet<string> = new Set()): RecordMerge {
  const values = { ...winner.values }
  const contested: string[] = []
  let changed = false
  const fields = new Set([...Object.keys(winner.values), ...Object.keys(loser.values), ...Object.keys(base?.values ?? {})])
  for (const field of fields) {
    if (computed.has(field)) continue
    const w = winner.values[field]
    const l = loser.values[field]
    if (sameValue(w, l)) continue
    if (!base) {
      contested.push(field)
      continue
    }
    const b = base.values[field]
    if (sameValue(l, b)) continue // only the winner changed it
    if (sameValue(w, b)) { // only the loser changed it
      if (l === undefined) delete values[field]
      else values[field] = l
      changed = true
      continue
    }
    contested.push(field)
  }
  const row: RecordRow = changed
    ? { ...winner, values, updatedAt: Math.max(winner.updatedAt, loser.updatedAt) }
    : winner
  return { row, contested, changed }
}

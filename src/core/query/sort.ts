import type { FieldDef, RecordRow, SortKey } from '../schema/types'
import { indexFields, resolveColumn } from './columns'
import type { Ranks } from './ranks'
import { descending } from './ranks'
import { rankColumn } from './sort-columns'
import type { MemberNames } from './types'

/** Options of sortIndex / sortRecords. */
export interface SortOptions {
  /** Member names, so member fields sort by name rather than by id. */
  members?: MemberNames
}

/**
 * The order of records under sort keys, as positions into `records`. Stable (ties keep their
 * input order), empty values last in both directions, keys on unknown fields ignored.
 * Each key is reduced to one integer rank per record, then the records are placed by a stable
 * counting sort per key, last key first: O(keys x n) after ranking, no comparator calls.
 */
export function sortIndex(records: readonly RecordRow[], keys: readonly SortKey[], fields: readonly FieldDef[], options: SortOptions = {}): Int32Array {
  const n = records.length
  let order: Int32Array = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  const index = indexFields(fields)
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!
    const column = resolveColumn(key.field, index)
    if (!column) continue
    const asc = rankColumn(records, column, options.members)
    order = countingSort(order, key.dir === 'desc' ? descending(asc) : asc)
  }
  return order
}

/** The records in the order of an index from sortIndex. */
export function pickByIndex<T>(records: readonly T[], index: Int32Array): T[] {
  const out = new Array<T>(index.length)
  for (let i = 0; i < index.length; i++) out[i] = records[index[i]!]!
  return out
}

/** A sorted copy of records; see sortIndex for the rules. */
export function sortRecords(records: readonly RecordRow[], keys: readonly SortKey[], fields: readonly FieldDef[], options: SortOptions = {}): RecordRow[] {
  return pickByIndex(records, sortIndex(records, keys, fields, options))
}

function countingSort(order: Int32Array, { ranks, size }: Ranks): Int32Array {
  const starts = new Int32Array(size + 2)
  for (let i = 0; i < order.length; i++) starts[ranks[order[i]!]! + 1]!++
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!
  const out = new Int32Array(order.length)
  for (let i = 0; i < order.length; i++) {
    const row = order[i]!
    out[starts[ranks[row]!]!++] = row
  }
  return out
}

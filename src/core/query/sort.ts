import type { FieldDef, RecordRow, SortKey } from '../schema/types'
import { numberRows } from './cached-columns'
import type { QueryColumn } from './columns'
import type { ColumnSpec, RowsView } from './rows-cache'
import { indexFields, resolveColumn } from './columns'
import type { Ranks } from './ranks'
import { descending } from './ranks'
import { radixSortByNumber } from './float-sort'
import { hasNumberKey, numberKeys, rankColumn } from './sort-columns'
import type { MemberNames } from './types'

/** Options of sortIndex / sortRecords. */
export interface SortOptions {
  /** Member names, so member fields sort by name rather than by id. */
  members?: MemberNames
}

/**
 * The order of records under sort keys, as positions into `records`. Stable (ties keep their
 * input order), empty values last in both directions, keys on unknown fields ignored.
 * Keys are applied last first, each by a stable pass: number-like keys (numbers, dates, times,
 * checkboxes) by a radix sort of their values, others reduced to one integer rank per record
 * and placed by a counting sort. O(keys x n) after ranking, no comparator calls.
 */
export function sortIndex(records: readonly RecordRow[], keys: readonly SortKey[], fields: readonly FieldDef[], options: SortOptions = {}): Int32Array {
  return orderBy(records.length, keys, fields, options.members, c => numberKeys(records, c), () => records)
}

/**
 * sortIndex over the rows of `records` at `positions` (e.g. those passing a filter), using the
 * number sort keys cached in `view` (openRows of `records`). Returns the positions in sorted order.
 */
export function sortPositions(records: readonly RecordRow[], view: RowsView, positions: Int32Array, keys: readonly SortKey[], fields: readonly FieldDef[], options: SortOptions = {}): Int32Array {
  let picked: RecordRow[] | undefined
  const numbers = (column: QueryColumn): Float64Array => {
    const all = view.columns([numberRows(column)])[0]!.values
    const out = new Float64Array(positions.length)
    for (let j = 0; j < positions.length; j++) out[j] = all[positions[j]!]!
    return out
  }
  const order = orderBy(positions.length, keys, fields, options.members, numbers, () => (picked ??= pickByIndex(records, positions)))
  for (let j = 0; j < order.length; j++) order[j] = positions[order[j]!]!
  return order
}

/** The cached number sort keys `keys` read (see sortPositions), so they can be filled with other columns in one pass. */
export function sortSpecs(keys: readonly SortKey[], fields: readonly FieldDef[]): ColumnSpec[] {
  const index = indexFields(fields)
  return keys.map(k => resolveColumn(k.field, index)).filter(c => c !== undefined && hasNumberKey(c.kind)).map(c => numberRows(c!))
}

function orderBy(n: number, keys: readonly SortKey[], fields: readonly FieldDef[], members: MemberNames | undefined,
  numbers: (column: QueryColumn) => Float64Array, records: () => readonly RecordRow[]): Int32Array {
  let order: Int32Array = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  const index = indexFields(fields)
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!
    const column = resolveColumn(key.field, index)
    if (!column) continue
    const desc = key.dir === 'desc'
    if (hasNumberKey(column.kind)) { order = radixSortByNumber(order, numbers(column), desc); continue }
    const asc = rankColumn(records(), column, members)
    order = countingSort(order, desc ? descending(asc) : asc)
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

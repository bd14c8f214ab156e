import type { QueryColumn } from './columns'
import type { CachedColumn, ColumnSpec } from './rows-cache'
import { numberKey, numberKeyOf } from './sort-columns'

/** A key naming what a column's cached data is computed from (id, field type, query kind). */
export function columnKey(column: QueryColumn): string {
  return `${column.id}\u0001${column.field?.type ?? 'system'}\u0001${column.kind}`
}

/** Code of a row holding no id. */
export const NO_ID = -1
/** Code of a row holding several ids (read them from the record). */
export const MANY_IDS = -2

/** Cached ids of an option or member column: per row the code of its single id (index into `ids`), NO_ID or MANY_IDS. */
export interface IdRows extends CachedColumn { codes: Int32Array, ids: string[] }

/** The cached id codes of an id column (select, stage, multiselect, member...). */
export function idRows(column: QueryColumn): ColumnSpec<IdRows> {
  return { key: `ids\u0000${columnKey(column)}`, valueKey: column.valueKey, make: () => {
    const codeOf = new Map<string, number>()
    const rows: IdRows = {
      codes: new Int32Array(0),
      ids: [],
      resize: (n) => { rows.codes = grow(rows.codes, n, Int32Array, NO_ID) },
      move: (from, to) => { rows.codes[to] = rows.codes[from]! },
      set: (i, record) => { rows.codes[i] = codeOfValue(column.get(record)) },
      setValue: (i, v) => { rows.codes[i] = codeOfValue(v) },
    }
    const intern = (id: string): number => {
      let code = codeOf.get(id)
      if (code === undefined) { code = rows.ids.length; codeOf.set(id, code); rows.ids.push(id) }
      return code
    }
    const codeOfValue = (v: unknown): number => {
      if (typeof v === 'string') return v === '' ? NO_ID : intern(v)
      if (!Array.isArray(v)) return NO_ID
      let single: string | undefined
      for (const id of v) {
        if (typeof id !== 'string' || id === '') continue
        if (single !== undefined) return MANY_IDS
        single = id
      }
      return single === undefined ? NO_ID : intern(single)
    }
    return rows
  } }
}

/** Cached sort keys of a number-like column (see numberKey): NaN = empty. */
export interface NumberRows extends CachedColumn { values: Float64Array }

/** The cached number keys of a number, date, datetime, checkbox or presence column. */
export function numberRows(column: QueryColumn): ColumnSpec<NumberRows> {
  const { kind } = column
  return { key: `num\u0000${columnKey(column)}`, valueKey: column.valueKey, make: () => {
    const rows: NumberRows = {
      values: new Float64Array(0),
      resize: (n) => { rows.values = grow(rows.values, n, Float64Array, numberKeyOf(kind, undefined)) },
      move: (from, to) => { rows.values[to] = rows.values[from]! },
      set: (i, record) => { rows.values[i] = numberKey(column, record) },
      setValue: (i, v) => { rows.values[i] = numberKeyOf(kind, v) },
    }
    return rows
  } }
}

/** `a` resized to n items, new ones set to `missing` (what a row without a value holds). */
function grow<A extends Int32Array | Float64Array>(a: A, n: number, Make: new (n: number) => A, missing: number): A {
  if (a.length === n) return a
  const out = new Make(n)
  out.set(a.length > n ? a.subarray(0, n) : a)
  if (n > a.length && missing !== 0) out.fill(missing, a.length)
  return out
}

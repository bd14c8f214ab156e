import type { QueryColumn } from './columns'
import { foldCaseFast } from './fold'
import { resizeArray } from './rows-cache'
import type { CachedColumn, ColumnSpec } from './rows-cache'
import { numberKey } from './sort-columns'
import { textOf } from './text'

/** A key naming what a column's cached data is computed from (id, field type, query kind). */
export function columnKey(column: QueryColumn): string {
  return `${column.id}\u0001${column.field?.type ?? 'system'}\u0001${column.kind}`
}

/**
 * Cached folded texts: per row, its text columns' foldCase(textOf(value)) joined by '\n'
 * (empties left out); `all()` is every row's text joined by '\n' with the start of each row
 * (`starts[n]` = its length + 1), rebuilt after rows changed, so a word is looked for with a
 * few indexOf calls over one string rather than one call per row.
 */
export interface TextRows extends CachedColumn { texts: string[], all: () => AllTexts }

/** All rows' texts in one string: row i is `text.slice(starts[i], starts[i + 1] - 1)`. */
export interface AllTexts { text: string, starts: Int32Array }

/** The cached search text of text-like `columns`. */
export function textRows(columns: readonly QueryColumn[]): ColumnSpec<TextRows> {
  const key = `text\u0000${columns.map(columnKey).join('\u0000')}`
  return { key, make: () => {
    const texts: string[] = []
    const parts: string[] = []
    let joined: AllTexts | undefined
    return {
      texts,
      all: () => (joined ??= joinAll(texts)),
      resize: (n) => { resizeArray(texts, n, ''); joined = undefined },
      move: (from, to) => { texts[to] = texts[from]!; joined = undefined },
      set: (i, record) => {
        parts.length = 0
        for (const c of columns) {
          const t = foldCaseFast(textOf(c.get(record)))
          if (t !== '') parts.push(t)
        }
        texts[i] = parts.length === 1 ? parts[0]! : parts.join('\n')
        joined = undefined
      },
    }
  } }
}

function joinAll(texts: readonly string[]): AllTexts {
  const starts = new Int32Array(texts.length + 1)
  let at = 0
  for (let i = 0; i < texts.length; i++) { starts[i] = at; at += texts[i]!.length + 1 }
  starts[texts.length] = at
  return { text: texts.join('\n'), starts }
}

/** Code of a row holding no id. */
export const NO_ID = -1
/** Code of a row holding several ids (read them from the record). */
export const MANY_IDS = -2

/** Cached ids of an option or member column: per row the code of its single id (index into `ids`), NO_ID or MANY_IDS. */
export interface IdRows extends CachedColumn { codes: Int32Array, ids: string[] }

/** The cached id codes of an id column (select, stage, multiselect, member...). */
export function idRows(column: QueryColumn): ColumnSpec<IdRows> {
  return { key: `ids\u0000${columnKey(column)}`, make: () => {
    const codeOf = new Map<string, number>()
    const rows: IdRows = {
      codes: new Int32Array(0),
      ids: [],
      resize: (n) => { rows.codes = grow(rows.codes, n, Int32Array) },
      move: (from, to) => { rows.codes[to] = rows.codes[from]! },
      set: (i, record) => { rows.codes[i] = codeOfValue(column.get(record)) },
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
  return { key: `num\u0000${columnKey(column)}`, make: () => {
    const rows: NumberRows = {
      values: new Float64Array(0),
      resize: (n) => { rows.values = grow(rows.values, n, Float64Array) },
      move: (from, to) => { rows.values[to] = rows.values[from]! },
      set: (i, record) => { rows.values[i] = numberKey(column, record) },
    }
    return rows
  } }
}

function grow<A extends Int32Array | Float64Array>(a: A, n: number, Make: new (n: number) => A): A {
  if (a.length === n) return a
  const out = new Make(n)
  out.set(a.length > n ? a.subarray(0, n) : a)
  return out
}

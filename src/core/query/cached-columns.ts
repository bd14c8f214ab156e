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
 * Cached texts of one text-like column, kept as they are stored (no copy per row): per row
 * textOf(value), '' when empty (a column empty in every row holds no array at all). `all()` is
 * every row's text joined by '\n' with the start of each row (`starts[n]` = its length + 1), so
 * a word is looked for with a few indexOf calls over one string rather than one call per row;
 * `folded()` the same of foldCaseFast(text), made on first use (only words with letters need
 * it: see isRigidWord). Both are joined again after rows changed, this column only.
 */
export interface TextRows extends CachedColumn { all: () => AllTexts, folded: () => AllTexts }

/** All rows' texts in one string: row i is `text.slice(starts[i], starts[i + 1] - 1)`. */
export interface AllTexts { text: string, starts: Int32Array }

const NO_TEXT: AllTexts = { text: '', starts: new Int32Array(1) }

/** The cached search text of one text-like column. */
export function textRows(column: QueryColumn): ColumnSpec<TextRows> {
  const key = `text\u0000${columnKey(column)}`
  return { key, make: () => {
    let n = 0
    /** Undefined while every row is empty. */
    let texts: string[] | undefined
    /** Folded texts: undefined = not made yet, null = the same as `texts` (nothing folds). */
    let folded: string[] | null | undefined
    let joined: AllTexts | undefined
    let joinedFolded: AllTexts | undefined
    const changed = (): void => { joined = undefined; joinedFolded = undefined }
    return {
      resize: (m) => {
        n = m
        if (texts) resizeArray(texts, m, '')
        if (folded) resizeArray(folded, m, '')
        changed()
      },
      move: (from, to) => {
        if (!texts) return
        texts[to] = texts[from]!
        if (folded) folded[to] = folded[from]!
        changed()
      },
      set: (i, record) => {
        const v = column.get(record)
        const t = typeof v === 'string' ? v : textOf(v)
        if (!texts) {
          if (t === '') return
          texts = new Array<string>(n).fill('')
        }
        if (texts[i] === t) return
        texts[i] = t
        if (folded === null) {
          const f = foldCaseFast(t)
          if (f !== t) { folded = texts.slice(); folded[i] = f }
        }
        else if (folded) folded[i] = foldCaseFast(t)
        changed()
      },
      all: () => (joined ??= texts ? joinAll(texts) : NO_TEXT),
      folded: () => {
        if (!texts) return NO_TEXT
        if (folded === undefined) folded = foldAll(texts)
        return folded === null ? (joined ??= joinAll(texts)) : (joinedFolded ??= joinAll(folded))
      },
    }
  } }
}

/** foldCaseFast of every text; null when that changes none of them. */
function foldAll(texts: readonly string[]): string[] | null {
  let out: string[] | null = null
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!
    const f = foldCaseFast(t)
    if (f === t && out === null) continue
    out ??= texts.slice(0, i)
    out.push(f)
  }
  return out
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

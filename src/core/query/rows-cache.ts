import type { RecordRow } from '../schema/types'
import { fillColumns } from './fill-columns'

/**
 * Per-row data derived from records (search texts, sort keys), kept in arrays parallel to one
 * records array: reading them touches a few contiguous arrays instead of 100k scattered record
 * objects, which is what made quick search and sorting slow (memory-bound).
 */
export interface CachedColumn {
  /** Makes room for n rows (keeping the first ones). */
  resize: (n: number) => void
  /** Recomputes row i from its record. */
  set: (i: number, record: RecordRow) => void
  /** Copies row `from` to row `to` (same record, moved by a deletion before it). */
  move: (from: number, to: number) => void
  /**
   * For a column made by a spec with a `valueKey`: sets row i from the record's value under that
   * key. Rows added by `resize` already hold what a missing value gives, so a first fill calls
   * it only for the values a record has.
   */
  setValue?: (i: number, value: unknown) => void
}

/** The rows a cache was computed from and its columns by key. */
interface RowsCache {
  rows: (RecordRow | undefined)[]
  columns: Map<string, CachedColumn>
}

/**
 * Caches live as long as their records array (the store keeps one array per form and edits it
 * in place). Records are immutable: the store replaces a changed record by a new object
 * (core/records/apply-changes), so a row whose object differs from the one cached at its
 * position is recomputed, and only those rows.
 */
const caches = new WeakMap<readonly RecordRow[], RowsCache>()

/** Columns kept per records array beyond those of the latest call; least recently used go first. */
const MAX_COLUMNS = 48

/**
 * How to make a cached column: its key (what it is computed from) and a constructor; with
 * `valueKey` (QueryColumn.valueKey) the column reads `record.values[valueKey]` only and has setValue.
 */
export interface ColumnSpec<C extends CachedColumn = CachedColumn> { key: string, make: () => C, valueKey?: string }

/** The cached columns of one records array, brought up to date with it (see openRows). */
export interface RowsView {
  /**
   * The cached columns of `specs`, in order. Missing ones are made and filled in one pass over
   * the records, row by row: each record is read once for all of them (reading 100k records
   * once per column costs a cache miss per record and column).
   */
  columns: <C extends CachedColumn>(specs: readonly ColumnSpec<C>[]) => C[]
}

/**
 * The cache of `records`, first brought up to date: rows replaced, added or removed since the
 * last call are recomputed in every cached column (one identity comparison per row).
 * Open it once per query, then read columns.
 */
export function openRows(records: readonly RecordRow[]): RowsView {
  let cache = caches.get(records)
  if (!cache) {
    cache = { rows: [], columns: new Map() }
    caches.set(records, cache)
  }
  syncRows(cache, records)
  const { columns } = cache
  return {
    columns<C extends CachedColumn>(specs: readonly ColumnSpec<C>[]): C[] {
      const fresh: { spec: ColumnSpec<C>, column: C }[] = []
      const out = specs.map((spec) => {
        let column = columns.get(spec.key) as C | undefined
        if (column) {
          columns.delete(spec.key) // re-inserted last: most recently used
          columns.set(spec.key, column)
        }
        else {
          column = spec.make()
          column.resize(records.length)
          fresh.push({ spec, column })
          columns.set(spec.key, column)
        }
        return column
      })
      if (fresh.length > 0) fillColumns(records, fresh)
      // the first keys are the least recently used; this call's columns are the last ones
      const keep = Math.max(MAX_COLUMNS, specs.length)
      for (const key of columns.keys()) {
        if (columns.size <= keep) break
        columns.delete(key)
      }
      return out
    },
  }
}

/**
 * Brings the cached rows in line with `records`. Rows still holding the same object are kept;
 * a row whose object moved left (records deleted before it) is copied to its new position;
 * any other row is recomputed. Positions are looked up in a Map built only once a row is
 * found out of place and the array changed length or shifted.
 */
function syncRows(cache: RowsCache, records: readonly RecordRow[]): void {
  const { rows } = cache
  const columns = [...cache.columns.values()]
  const n = records.length
  const oldLength = rows.length
  if (columns.length === 0) {
    resizeArray(rows, n, undefined)
    for (let i = 0; i < n; i++) rows[i] = records[i]
    return
  }
  if (n > oldLength) {
    resizeArray(rows, n, undefined)
    for (const c of columns) c.resize(n)
  }
  let positions: Map<RecordRow | undefined, number> | undefined
  for (let i = 0; i < n; i++) {
    const record = records[i]!
    if (rows[i] === record) continue
    if (!positions && i < oldLength && (n !== oldLength || rows[i + 1] === record)) positions = new Map(rows.slice(i, oldLength).map((r, k) => [r, i + k]))
    const from = positions?.get(record)
    if (from !== undefined && from > i) {
      for (const c of columns) c.move(from, i)
    }
    else {
      for (const c of columns) c.set(i, record)
    }
    rows[i] = record
  }
  if (n < oldLength) {
    resizeArray(rows, n, undefined)
    for (const c of columns) c.resize(n)
  }
}

/** Shrinks or grows a plain array to n items, new ones set to `fill` (no holes). */
export function resizeArray<T>(a: T[], n: number, fill: T): void {
  const old = a.length
  a.length = n
  if (n > old) a.fill(fill, old)
}

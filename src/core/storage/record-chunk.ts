/**
 * A chunk of records as stored (`rec:<formId>:<n>`, storage layout 3): one column per key
 * instead of one object per record. Reading an array of records made IndexedDB's deserialiser
 * build every record and values object property by property, and every value a fresh string
 * (pooled afterwards, a hash per string); columns are read as a few arrays, and the records
 * made from them in one loop:
 *
 * - `num`: every value of the key is a number: a Float64Array (NaN, -0 and Infinity kept);
 * - `dict`: every value is a string (or null) and at most every other one is new: the distinct
 *   values once (`names`) and a Uint16 code per record, so the strings repeated across a form (options,
 *   members, dates) are read once per chunk and shared by its records;
 * - `any`: anything else, the values as they were (titles, lists, objects).
 *
 * `shapes` keep each record's keys in their order (a record made again has the same key order,
 * so backups stay byte-identical): per distinct key order, the column of each top-level key
 * (VALUES where `values` sits) and of each key of `values`. Records that are not plain objects
 * with a plain `values` object are not encoded: `encodeRecordChunk` returns them as the array.
 */

/** Marks a stored chunk of records as columns (older chunks, and unusual ones, are arrays of records). */
export const RECORD_CHUNK_FORMAT = 'record-columns-1'

/** In a shape's top-level keys: where the record's `values` object sits. */
export const VALUES = -1

export type RecordColumn
  = | { key: string, kind: 'num', v: Float64Array }
    | { key: string, kind: 'dict', names: (string | null)[], codes: Uint16Array }
    | { key: string, kind: 'any', v: unknown[] }

export interface RecordShape {
  /** Column indexes of the record's own keys in order, VALUES for `values`. */
  top: number[]
  /** Column indexes of the keys of `values`, in order. */
  values: number[]
}

export interface StoredRecordChunk {
  format: typeof RECORD_CHUNK_FORMAT
  /** Top-level columns (`id`, `createdAt` ...) and `values` columns are separate: the same key may be both. */
  columns: RecordColumn[]
  shapes: RecordShape[]
  /** Per record, its index in `shapes` (Uint8 while at most 256 shapes). */
  shape: Uint8Array | Uint16Array
}

/** The smallest record the codec takes: an id and a values object, other keys as they come. */
export interface ChunkRecord { id: string, values: Record<string, unknown> }

/** True for a chunk stored as columns, false for an array of records. */
export function isStoredRecordChunk(value: unknown): value is StoredRecordChunk {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === RECORD_CHUNK_FORMAT
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

/** Keys made again by assignment would not be own data properties (or not the same ones). */
const unsafeKey = (key: string): boolean => key === '__proto__'

/** Up to this many key orders in a chunk, a record's is found by comparing lists. */
const FEW_SHAPES = 16

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** One key's values while encoding, by record (`present`: the records that have the key). */
interface Collected { key: string, values: unknown[], present: Uint8Array }

/** Collects one side's (top-level or values) column per key while encoding. */
class ColumnSet {
  readonly index = new Map<string, number>()
  constructor(readonly all: Collected[], readonly size: number) {}
  column(key: string): number {
    let c = this.index.get(key)
    if (c === undefined) {
      c = this.all.length
      this.index.set(key, c)
      this.all.push({ key, values: new Array<unknown>(this.size), present: new Uint8Array(this.size) })
    }
    return c
  }
}

/** The column a key's collected values are stored as (`present`: the records that have the key). */
function storedColumn(key: string, values: unknown[], present: Uint8Array): RecordColumn {
  let nums = true
  let strs = true
  let count = 0
  for (let i = 0; i < values.length; i++) {
    if (!present[i]) continue
    count++
    const v = values[i]
    const t = typeof v
    if (t !== 'number') nums = false
    if (t !== 'string' && v !== null) strs = false
    if (!nums && !strs) break
  }
  if (nums) {
    const v = new Float64Array(values.length)
    for (let i = 0; i < values.length; i++) if (present[i]) v[i] = values[i] as number
    return { key, kind: 'num', v }
  }
  if (strs && count > 0) {
    const seen = new Map<string | null, number>()
    const names: (string | null)[] = []
    const codes = new Uint16Array(values.length)
    let dict = true
    for (let i = 0; i < values.length && dict; i++) {
      if (!present[i]) continue
      const s = values[i] as string | null
      let code = seen.get(s)
      if (code === undefined) {
        code = names.length
        names.push(s)
        seen.set(s, code)
        // Mostly distinct strings (titles, notes): kept as they are.
        if (names.length * 2 > count || names.length > 0xffff) dict = false
      }
      codes[i] = code
    }
    if (dict) return { key, kind: 'dict', names, codes }
  }
  return { key, kind: 'any', v: values }
}

/**
 * The stored form of `rows` (in this order): a chunk of columns, or `rows` itself when a row is
 * not a plain object with a plain `values` object, or uses a key assignment cannot make again.
 */
export function encodeRecordChunk<R extends ChunkRecord>(rows: readonly R[]): StoredRecordChunk | R[] {
  const n = rows.length
  const all: Collected[] = []
  const top = new ColumnSet(all, n)
  const vals = new ColumnSet(all, n)
  const shapes: RecordShape[] = []
  const shapeIndex = new Map<string, number>()
  const shapeOf = new Uint16Array(n)
  let last: RecordShape | undefined
  let lastIndex = 0
  const order: number[] = []
  const valueOrder: number[] = []
  const put = (c: number, i: number, v: unknown): void => {
    const col = all[c]!
    col.values[i] = v
    col.present[i] = 1
  }
  for (let i = 0; i < n; i++) {
    const row = rows[i] as unknown as Record<string, unknown>
    if (!isPlainObject(row)) return rows as R[]
    order.length = 0
    valueOrder.length = 0
    // Records of a chunk mostly share one key order: while this one follows the last one's,
    // its columns are the last one's (no lookup by key).
    let same = last !== undefined
    // for-in gives a plain object's own enumerable string keys in order, as the structured clone takes them.
    for (const key in row) {
      const v = row[key]
      if (key === 'values') {
        if (!isPlainObject(v)) return rows as R[]
        if (same && last!.top[order.length] !== VALUES) same = false
        order.push(VALUES)
        for (const k in v) {
          const j = valueOrder.length
          let c: number
          if (same && j < last!.values.length && all[last!.values[j]!]!.key === k) c = last!.values[j]!
          else {
            same = false
            if (unsafeKey(k)) return rows as R[]
            c = vals.column(k)
          }
          put(c, i, v[k])
          valueOrder.push(c)
        }
        continue
      }
      const j = order.length
      const known = same && j < last!.top.length ? last!.top[j]! : VALUES
      let c: number
      if (known !== VALUES && all[known]!.key === key) c = known
      else {
        same = false
        if (unsafeKey(key)) return rows as R[]
        c = top.column(key)
      }
      put(c, i, v)
      order.push(c)
    }
    if (!same || order.length !== last!.top.length || valueOrder.length !== last!.values.length) {
      // A few key orders alternate (optional values present or not): compare with each before
      // building a signature to look up.
      let s = shapes.length <= FEW_SHAPES ? shapes.findIndex(sh => sameList(sh.top, order) && sameList(sh.values, valueOrder)) : -1
      if (s < 0) {
        const sig = `${order.join(',')}|${valueOrder.join(',')}`
        s = shapeIndex.get(sig) ?? -1
        if (s < 0) {
          s = shapes.length
          shapes.push({ top: order.slice(), values: valueOrder.slice() })
          shapeIndex.set(sig, s)
        }
      }
      last = shapes[s]
      lastIndex = s
    }
    shapeOf[i] = lastIndex
  }
  return {
    format: RECORD_CHUNK_FORMAT,
    columns: all.map(c => storedColumn(c.key, c.values, c.present)),
    shapes,
    shape: shapes.length <= 0x100 ? Uint8Array.from(shapeOf) : shapeOf,
  }
}

/**
 * The records of a stored chunk, in order: an array of records as it is, a chunk of columns
 * made into records again. `intern` is given each distinct string of a `dict` column once
 * (the read's string pool: equal strings of a form's chunks are then one string in memory).
 */
export function decodeRecordChunk<R extends ChunkRecord = ChunkRecord>(chunk: StoredRecordChunk, intern: (s: string) => string = s => s): R[] {
  const cols = chunk.columns
  // Per column one flat array of its values by record: dict codes looked up once per record.
  const getters = cols.map((c): (i: number) => unknown => {
    if (c.kind === 'num') {
      const v = c.v
      return i => v[i]
    }
    if (c.kind === 'dict') {
      const names = c.names.map(s => (s === null ? s : intern(s)))
      const codes = c.codes
      return i => names[codes[i]!]
    }
    const v = c.v
    return i => v[i]
  })
  const keys = cols.map(c => c.key)
  const n = chunk.shape.length
  const out = new Array<R>(n)
  const shapeOf = chunk.shape
  const shapes = chunk.shapes
  for (let i = 0; i < n; i++) {
    const s = shapes[shapeOf[i]!]!
    const values: Record<string, unknown> = {}
    const vk = s.values
    for (let j = 0; j < vk.length; j++) {
      const c = vk[j]!
      values[keys[c]!] = getters[c]!(i)
    }
    const row: Record<string, unknown> = {}
    const tk = s.top
    for (let j = 0; j < tk.length; j++) {
      const c = tk[j]!
      if (c === VALUES) row.values = values
      else row[keys[c]!] = getters[c]!(i)
    }
    out[i] = row as unknown as R
  }
  return out
}

import type { StageEvent } from '../schema/types'

/** `from` of an event without a previous stage (`from: null`). */
export const NO_STAGE = 0xffff
/** Most distinct form, field and stage ids one set of columns holds (indices are 16-bit; NO_STAGE is kept apart). */
export const MAX_NAMES = 0xffff

/**
 * Stage events held as typed-array columns: no object per event. Event `j` (0 <= j < length):
 * id `ids[j]`, record `recordIds[record[j]]`, form `names[form[j]]`, field `names[field[j]]`,
 * from `names[from[j]]` (null when `from[j] === NO_STAGE`), to `names[to[j]]`, at `at[j]`.
 * `recordIds` and `names` are string tables (each string once, in order of first use), so a
 * scan compares small integers, not strings, and resolves each table entry once.
 *
 * A snapshot: only the first `length` entries of each column are its own. The arrays may be
 * longer (room to append) and be shared with a later snapshot that appended to them, and the
 * tables may have grown since; none of that changes what this snapshot reads.
 */
export interface StageEventColumns {
  readonly length: number
  readonly ids: readonly string[]
  readonly record: Uint32Array
  readonly form: Uint16Array
  readonly field: Uint16Array
  readonly from: Uint16Array
  readonly to: Uint16Array
  readonly at: Float64Array
  readonly recordIds: readonly string[]
  readonly names: readonly string[]
}

/** What metrics and dashboards accept as a form's stage events: objects, or their columns. */
export type StageEventSource = readonly StageEvent[] | StageEventColumns

/** Writable state shared by the snapshots of one set of buffers (only the newest appends in place). */
interface Buffers {
  ids: string[]
  record: Uint32Array
  form: Uint16Array
  field: Uint16Array
  from: Uint16Array
  to: Uint16Array
  at: Float64Array
  recordIds: string[]
  names: string[]
  /** Entries written (the newest snapshot's length). */
  used: number
  /** Built on the first append that needs it: opening a large form does not pay for it. */
  recordIndex?: Map<string, number>
  nameIndex: Map<string, number>
}

const buffersOf = new WeakMap<StageEventColumns, Buffers>()

function allocate(capacity: number, recordIds: string[], names: string[]): Buffers {
  return {
    ids: [],
    record: new Uint32Array(capacity),
    form: new Uint16Array(capacity),
    field: new Uint16Array(capacity),
    from: new Uint16Array(capacity),
    to: new Uint16Array(capacity),
    at: new Float64Array(capacity),
    recordIds,
    names,
    used: 0,
    nameIndex: new Map(names.map((n, k) => [n, k])),
  }
}

function snapshot(b: Buffers): StageEventColumns {
  const cols: StageEventColumns = Object.freeze({
    length: b.used, ids: b.ids, record: b.record, form: b.form, field: b.field, from: b.from, to: b.to, at: b.at,
    recordIds: b.recordIds, names: b.names,
  })
  buffersOf.set(cols, b)
  return cols
}

/** No events. */
export const EMPTY_COLUMNS: StageEventColumns = snapshot(allocate(0, [], []))

/** True for columns, false for an array of event objects. */
export function isColumns(events: StageEventSource): events is StageEventColumns {
  return !Array.isArray(events)
}

/** Columns of `events` (an array is converted; columns are returned as they are). */
export function asColumns(events: StageEventSource): StageEventColumns {
  return isColumns(events) ? events : appendColumns(EMPTY_COLUMNS, events)
}

function nameCode(b: Buffers, name: string): number {
  let k = b.nameIndex.get(name)
  if (k === undefined) {
    if (b.names.length >= MAX_NAMES) throw new RangeError(`stage events name more than ${MAX_NAMES} distinct form, field and stage ids`)
    k = b.names.length
    b.names.push(name)
    b.nameIndex.set(name, k)
  }
  return k
}

function recordCode(b: Buffers, id: string): number {
  if (b.recordIndex === undefined) b.recordIndex = new Map(b.recordIds.map((r, k) => [r, k]))
  let k = b.recordIndex.get(id)
  if (k === undefined) {
    k = b.recordIds.length
    b.recordIds.push(id)
    b.recordIndex.set(id, k)
  }
  return k
}

/** A private copy of `cols`' entries with room for `capacity` (tables copied: the copy appends on its own). */
function copyOf(cols: StageEventColumns, capacity: number): Buffers {
  const b = allocate(capacity, cols.recordIds.slice(), cols.names.slice())
  const n = cols.length
  b.ids = cols.ids.slice(0, n)
  b.record.set(cols.record.subarray(0, n))
  b.form.set(cols.form.subarray(0, n))
  b.field.set(cols.field.subarray(0, n))
  b.from.set(cols.from.subarray(0, n))
  b.to.set(cols.to.subarray(0, n))
  b.at.set(cols.at.subarray(0, n))
  b.used = n
  return b
}

/**
 * New buffers for appending to `cols` (room for `need`, doubling). When `cols` is the newest
 * snapshot of `old`, its record index moves along (the copy's table is the same list), so a
 * large form's index is not rebuilt at every growth; `old` rebuilds its own if ever needed.
 */
function grown(cols: StageEventColumns, old: Buffers | undefined, need: number): Buffers {
  const b = copyOf(cols, Math.max(need, cols.length * 2, 16))
  if (old !== undefined && old.used === cols.length && cols !== EMPTY_COLUMNS) {
    b.recordIndex = old.recordIndex
    old.recordIndex = undefined
  }
  return b
}

/**
 * `cols` followed by `events`, as a new snapshot; `cols` itself is unchanged. Appending to the
 * newest snapshot of its buffers writes in place while they have room (amortised O(added));
 * appending to an older one copies.
 */
export function appendColumns(cols: StageEventColumns, events: readonly StageEvent[]): StageEventColumns {
  if (events.length === 0) return cols
  let b = buffersOf.get(cols)
  const need = cols.length + events.length
  if (b === undefined || b.used !== cols.length || b.record.length < need || cols === EMPTY_COLUMNS) {
    b = grown(cols, b, need)
  }
  let j = b.used
  for (const e of events) {
    b.ids.push(e.id)
    b.record[j] = recordCode(b, e.recordId)
    b.form[j] = nameCode(b, e.formId)
    b.field[j] = nameCode(b, e.fieldId)
    b.from[j] = e.from === null ? NO_STAGE : nameCode(b, e.from)
    b.to[j] = nameCode(b, e.to)
    b.at[j] = e.at
    j++
  }
  b.used = j
  return snapshot(b)
}

const tableIndexes = new WeakMap<readonly string[], Map<string, number>>()

/**
 * Record id -> index in `cols.recordIds`, built once per table and kept with it (tables only
 * grow, so an index made for an older snapshot stays right; entries added since are found
 * too, and no event of that snapshot refers to them).
 */
export function recordIndexOf(cols: StageEventColumns): ReadonlyMap<string, number> {
  const b = buffersOf.get(cols)
  if (b !== undefined && b.recordIds === cols.recordIds) return (b.recordIndex ??= new Map(b.recordIds.map((r, k) => [r, k])))
  let index = tableIndexes.get(cols.recordIds)
  if (index === undefined || index.size < cols.recordIds.length) tableIndexes.set(cols.recordIds, index = new Map(cols.recordIds.map((r, k) => [r, k])))
  return index
}

/** Event `j` of `cols` (or of a stored chunk's columns) as an object (a new one each call). */
export function eventAt(cols: StageEventColumns | ForeignColumns, j: number): StageEvent {
  const from = cols.from[j] as number
  return {
    id: cols.ids[j] as string,
    formId: cols.names[cols.form[j] as number] as string,
    recordId: cols.recordIds[cols.record[j] as number] as string,
    fieldId: cols.names[cols.field[j] as number] as string,
    from: from === NO_STAGE ? null : cols.names[from] as string,
    to: cols.names[cols.to[j] as number] as string,
    at: cols.at[j] as number,
  }
}

/** Every event of `cols` as objects, in column order. */
export function eventsOfColumns(cols: StageEventColumns): StageEvent[] {
  const out = new Array<StageEvent>(cols.length)
  for (let j = 0; j < cols.length; j++) out[j] = eventAt(cols, j)
  return out
}

/** The events of one record, in column order (one pass over the record column, no object for the others). */
export function recordEventsOf(events: StageEventSource, recordId: string): StageEvent[] {
  if (!isColumns(events)) return events.filter(e => e.recordId === recordId)
  const k = events.recordIds.indexOf(recordId)
  const out: StageEvent[] = []
  if (k < 0) return out
  for (let j = 0; j < events.length; j++) if (events.record[j] === k) out.push(eventAt(events, j))
  return out
}

/**
 * The events of several records, in column order, without a pass over the whole form: their
 * positions come from the record index of the columns (recordEventIndex), built once for the
 * form's events and kept; events appended since are scanned. What recordEventsOf gives each of
 * them, merged.
 */
export function recordsEventsOf(events: StageEventSource, recordIds: ReadonlySet<string>): StageEvent[] {
  if (!isColumns(events)) return events.filter(e => recordIds.has(e.recordId))
  const codes = new Set<number>()
  const table = recordIndexOf(events)
  for (const id of recordIds) {
    const k = table.get(id)
    if (k !== undefined) codes.add(k)
  }
  if (codes.size === 0) return []
  const index = recordEventIndex(events)
  const positions: number[] = []
  for (const k of codes) {
    if (k + 1 >= index.starts.length) continue
    for (let p = index.starts[k] as number; p < (index.starts[k + 1] as number); p++) positions.push(index.positions[p] as number)
  }
  for (let j = index.length; j < events.length; j++) if (codes.has(events.record[j] as number)) positions.push(j)
  if (codes.size > 1) positions.sort((a, b) => a - b)
  return positions.map(j => eventAt(events, j))
}

/**
 * The positions of each record's events among the first `length` entries of a set of columns,
 * grouped by record code: record k's are `positions[starts[k] .. starts[k + 1])`, in column order.
 */
export interface RecordEventIndex {
  readonly length: number
  readonly starts: Int32Array
  readonly positions: Int32Array
}

/** Kept per record column: snapshots sharing one append their entries after the indexed ones. */
const eventIndexes = new WeakMap<Uint32Array, RecordEventIndex>()

/**
 * The record index of `cols` (one counting pass over its record column, about 2 ms per 400k
 * events), kept with the column and reused by later snapshots of the same buffers (entries
 * appended after it are not in it: a reader scans `index.length .. cols.length` itself). Built
 * again once the snapshot has grown by more than a quarter.
 */
export function recordEventIndex(cols: StageEventColumns): RecordEventIndex {
  const kept = eventIndexes.get(cols.record)
  if (kept !== undefined && kept.length <= cols.length && cols.length - kept.length <= cols.length / 4) return kept
  const n = cols.length
  const starts = new Int32Array(cols.recordIds.length + 1)
  for (let j = 0; j < n; j++) starts[(cols.record[j] as number) + 1]!++
  for (let k = 1; k < starts.length; k++) starts[k]! += starts[k - 1]!
  const next = starts.slice(0, -1)
  const positions = new Int32Array(n)
  for (let j = 0; j < n; j++) positions[next[cols.record[j] as number]!++] = j
  const index: RecordEventIndex = { length: n, starts, positions }
  eventIndexes.set(cols.record, index)
  return index
}

/**
 * Columns read from elsewhere (a stored chunk): the same layout with their own string tables,
 * any integer arrays. `appendColumnsFrom` re-codes them into another set of columns' tables.
 */
export interface ForeignColumns {
  readonly length: number
  readonly ids: readonly string[]
  readonly record: ArrayLike<number>
  readonly form: ArrayLike<number>
  readonly field: ArrayLike<number>
  readonly from: ArrayLike<number>
  readonly to: ArrayLike<number>
  readonly at: ArrayLike<number>
  readonly recordIds: readonly string[]
  readonly names: readonly string[]
}

/**
 * `cols` followed by every entry of `other` (columns with tables of their own), as a new
 * snapshot, without an object per event: each table entry of `other` is looked up once, then
 * the integer columns are re-coded in one pass. In place like `appendColumns`; when it must
 * copy, the copy has room for `reserve` entries (the caller knows more chunks follow).
 */
export function appendColumnsFrom(cols: StageEventColumns, other: ForeignColumns, reserve = 0): StageEventColumns {
  const n = other.length
  if (n === 0) return cols
  let b = buffersOf.get(cols)
  const need = cols.length + n
  if (b === undefined || b.used !== cols.length || b.record.length < need || cols === EMPTY_COLUMNS) {
    b = grown(cols, b, Math.max(need, reserve))
  }
  const recordMap = new Uint32Array(other.recordIds.length)
  for (let k = 0; k < other.recordIds.length; k++) recordMap[k] = recordCode(b, other.recordIds[k] as string)
  const nameMap = new Uint16Array(other.names.length)
  for (let k = 0; k < other.names.length; k++) nameMap[k] = nameCode(b, other.names[k] as string)
  const base = b.used
  const { record, form, field, from, to, at, ids } = b
  for (let j = 0; j < n; j++) {
    const i = base + j
    record[i] = recordMap[other.record[j] as number] as number
    form[i] = nameMap[other.form[j] as number] as number
    field[i] = nameMap[other.field[j] as number] as number
    const f = other.from[j] as number
    from[i] = f === NO_STAGE ? NO_STAGE : nameMap[f] as number
    to[i] = nameMap[other.to[j] as number] as number
    at[i] = other.at[j] as number
    ids.push(other.ids[j] as string)
  }
  b.used = base + n
  return snapshot(b)
}

/** The entries of `cols` in `order` (positions), as new columns with their own buffers and tables. */
export function pickColumns(cols: StageEventColumns, order: ArrayLike<number>): StageEventColumns {
  const n = order.length
  const b = allocate(n, cols.recordIds.slice(), cols.names.slice())
  const ids = new Array<string>(n)
  for (let i = 0; i < n; i++) {
    const j = order[i] as number
    ids[i] = cols.ids[j] as string
    b.record[i] = cols.record[j] as number
    b.form[i] = cols.form[j] as number
    b.field[i] = cols.field[j] as number
    b.from[i] = cols.from[j] as number
    b.to[i] = cols.to[j] as number
    b.at[i] = cols.at[j] as number
  }
  b.ids = ids
  b.used = n
  return snapshot(b)
}

/**
 * `cols` ordered by `at`, ties in column order (what `loadStageEvents` returns as objects):
 * `cols` itself when it already is, else new columns (a radix sort: no comparator call per pair).
 */
export function sortedByTime(cols: StageEventColumns): StageEventColumns {
  const { at, length: n } = cols
  let sorted = true
  let nan = false
  for (let j = 0; j < n; j++) {
    const t = at[j] as number
    if (t !== t) nan = true
    else if (j > 0 && t < (at[j - 1] as number)) sorted = false
  }
  if (nan) {
    // NaN compares as a tie with everything (Array#sort with a - b): keep that sort's result.
    const objects = Array.from({ length: n }, (_, j) => ({ j, at: at[j] as number }))
    objects.sort((a, b) => a.at - b.at)
    return pickColumns(cols, Uint32Array.from(objects, o => o.j))
  }
  if (sorted) return cols
  return pickColumns(cols, timeOrder(at, n))
}

const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0

/**
 * Positions 0..n-1 ordered by `at` (no NaN), ties in position order: an LSD radix sort (stable)
 * over the times as ordered 64-bit keys, 16 bits a pass, passes whose digit never varies skipped.
 */
function timeOrder(at: Float64Array, n: number): Uint32Array {
  const hi = new Uint32Array(n)
  const lo = new Uint32Array(n)
  const f = new Float64Array(1)
  const u = new Uint32Array(f.buffer)
  for (let j = 0; j < n; j++) {
    // + 0 turns -0 into 0: they tie, as a - b says.
    f[0] = (at[j] as number) + 0
    let h = u[HI] as number
    let l = u[1 - HI] as number
    if (h & 0x80000000) {
      h = ~h >>> 0
      l = ~l >>> 0
    }
    else h = (h | 0x80000000) >>> 0
    hi[j] = h
    lo[j] = l
  }
  let order = new Uint32Array(n)
  for (let j = 0; j < n; j++) order[j] = j
  let next = new Uint32Array(n)
  const count = new Uint32Array(0x10000)
  for (const [key, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    count.fill(0)
    for (let i = 0; i < n; i++) count[((key[order[i] as number] as number) >>> shift) & 0xffff]!++
    if (count[((key[0] as number) >>> shift) & 0xffff] === n) continue
    let sum = 0
    for (let d = 0; d < 0x10000; d++) {
      const c = count[d] as number
      count[d] = sum
      sum += c
    }
    for (let i = 0; i < n; i++) {
      const j = order[i] as number
      next[count[((key[j] as number) >>> shift) & 0xffff]!++] = j
    }
    ;[order, next] = [next, order]
  }
  return order
}

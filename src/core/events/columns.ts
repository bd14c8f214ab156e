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
 * `cols` followed by `events`, as a new snapshot; `cols` itself is unchanged. Appending to the
 * newest snapshot of its buffers writes in place while they have room (amortised O(added));
 * appending to an older one copies.
 */
export function appendColumns(cols: StageEventColumns, events: readonly StageEvent[]): StageEventColumns {
  if (events.length === 0) return cols
  let b = buffersOf.get(cols)
  const need = cols.length + events.length
  if (b === undefined || b.used !== cols.length || b.record.length < need || cols === EMPTY_COLUMNS) {
    b = copyOf(cols, Math.max(need, cols.length * 2, 16))
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

/** Event `j` of `cols` as an object (a new one each call). */
export function eventAt(cols: StageEventColumns, j: number): StageEvent {
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

import type { StageEvent } from '../schema/types'
import type { ForeignColumns, StageEventColumns } from './columns'
import { appendColumns, EMPTY_COLUMNS, eventAt, NO_STAGE } from './columns'

/** Marks a stored chunk of stage events as columns (older chunks are arrays of event objects). */
export const EVENT_CHUNK_FORMAT = 'stage-event-columns-1'

/**
 * A chunk of stage events as stored (`ev:<formId>:<n>`): the columns of `StageEventColumns`
 * with string tables of the chunk's own, each typed array exactly `ids.length` long (IndexedDB
 * stores typed arrays as they are, through the structured clone, so reading a chunk makes no
 * object per event). `record` is 16-bit while the chunk names at most 65,535 records.
 *
 * `odd` keeps, by position, the events that are not plain `{ id, formId, recordId, fieldId,
 * from, to, at }` objects in that key order (written by an older path, or with a key the type
 * does not name): they are handed back exactly as they came, so a backup is byte-identical.
 * Their columns hold the event as metrics read it (`from` null unless a string).
 */
export interface StoredEventChunk {
  format: typeof EVENT_CHUNK_FORMAT
  ids: string[]
  record: Uint16Array | Uint32Array
  form: Uint16Array
  field: Uint16Array
  from: Uint16Array
  to: Uint16Array
  at: Float64Array
  recordIds: string[]
  names: string[]
  odd?: [number, StageEvent][]
}

const KEYS = ['id', 'formId', 'recordId', 'fieldId', 'from', 'to', 'at'] as const

/** Whether `e` is exactly what `eventAt` makes of its columns (same keys, same order, from a string or null). */
export function isPlainEvent(e: StageEvent): boolean {
  let k = 0
  for (const key in e) {
    if (key !== KEYS[k]) return false
    k++
  }
  return k === KEYS.length && (e.from === null || typeof e.from === 'string')
}

/** The event as the columns hold it (a plain one is returned as it is). */
export function plainEvent(e: StageEvent): StageEvent {
  if (isPlainEvent(e)) return e
  return { id: e.id, formId: e.formId, recordId: e.recordId, fieldId: e.fieldId, from: typeof e.from === 'string' ? e.from : null, to: e.to, at: e.at }
}

/** True for a chunk stored as columns, false for an older array of event objects. */
export function isStoredEventChunk(value: unknown): value is StoredEventChunk {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === EVENT_CHUNK_FORMAT
}

/** The chunk that stores `events` (in this order). */
export function encodeEventChunk(events: readonly StageEvent[]): StoredEventChunk {
  const odd: [number, StageEvent][] = []
  const plain = events.map((e, j) => {
    const p = plainEvent(e)
    if (p !== e) odd.push([j, e])
    return p
  })
  const cols = appendColumns(EMPTY_COLUMNS, plain)
  const n = cols.length
  const chunk: StoredEventChunk = {
    format: EVENT_CHUNK_FORMAT,
    ids: cols.ids.slice(0, n),
    record: cols.recordIds.length <= 0xffff ? Uint16Array.from(cols.record.subarray(0, n)) : cols.record.slice(0, n),
    form: cols.form.slice(0, n),
    field: cols.field.slice(0, n),
    from: cols.from.slice(0, n),
    to: cols.to.slice(0, n),
    at: cols.at.slice(0, n),
    recordIds: cols.recordIds.slice(),
    names: cols.names.slice(),
  }
  if (odd.length > 0) chunk.odd = odd
  return chunk
}

/**
 * The chunk of the events at positions `at` of `cols` (in that order), read straight from the
 * columns: the same chunk as `encodeEventChunk` of those events made into objects (string
 * tables in order of first use), without an object per event. `odd` gives, by position, the
 * events the columns hold in their plain form (`EventLog`'s odd events).
 */
export function encodeColumnsChunk(cols: StageEventColumns, at: ArrayLike<number>, odd?: ReadonlyMap<number, StageEvent>): StoredEventChunk {
  const n = at.length
  const recordIds: string[] = []
  const names: string[] = []
  const localRecord = new Map<number, number>()
  const localName = new Map<number, number>()
  const name = (g: number): number => {
    let k = localName.get(g)
    if (k === undefined) {
      k = names.length
      names.push(cols.names[g] as string)
      localName.set(g, k)
    }
    return k
  }
  const ids = new Array<string>(n)
  const record = new Uint32Array(n)
  const form = new Uint16Array(n)
  const field = new Uint16Array(n)
  const from = new Uint16Array(n)
  const to = new Uint16Array(n)
  const time = new Float64Array(n)
  const oddOut: [number, StageEvent][] = []
  for (let k = 0; k < n; k++) {
    const j = at[k] as number
    ids[k] = cols.ids[j] as string
    const r = cols.record[j] as number
    let lr = localRecord.get(r)
    if (lr === undefined) {
      lr = recordIds.length
      recordIds.push(cols.recordIds[r] as string)
      localRecord.set(r, lr)
    }
    record[k] = lr
    form[k] = name(cols.form[j] as number)
    field[k] = name(cols.field[j] as number)
    const f = cols.from[j] as number
    from[k] = f === NO_STAGE ? NO_STAGE : name(f)
    to[k] = name(cols.to[j] as number)
    time[k] = cols.at[j] as number
    const e = odd?.get(j)
    if (e !== undefined) oddOut.push([k, e])
  }
  const chunk: StoredEventChunk = {
    format: EVENT_CHUNK_FORMAT,
    ids,
    record: recordIds.length <= 0xffff ? Uint16Array.from(record) : record,
    form,
    field,
    from,
    to,
    at: time,
    recordIds,
    names,
  }
  if (oddOut.length > 0) chunk.odd = oddOut
  return chunk
}

/** A stored chunk read as columns (no copy; `length` from its ids). */
export function chunkColumns(chunk: StoredEventChunk): ForeignColumns {
  return { ...chunk, length: chunk.ids.length }
}

/** The events a chunk stores, as objects (the odd ones as they were stored). */
export function decodeEventChunk(chunk: StoredEventChunk): StageEvent[] {
  const cols = chunkColumns(chunk)
  const out = new Array<StageEvent>(cols.length)
  for (let j = 0; j < cols.length; j++) out[j] = eventAt(cols, j)
  for (const [j, e] of chunk.odd ?? []) out[j] = e
  return out
}

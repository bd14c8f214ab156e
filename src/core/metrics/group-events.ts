import type { StageEventColumns } from '../events'
import { recordIndexOf } from '../events'
import type { RecordRow } from '../schema/types'
import { scratch } from './scratch'

/** Events of one field bucketed by record index; see {@link groupEventsByRecord}. */
export interface GroupedEvents {
  /** Record i owns `order[start[i]] .. order[start[i + 1] - 1]` (indices into the columns). */
  start: Uint32Array
  order: Uint32Array
  /** Events of the field whose record id is not in `records`. */
  ignored: number
}

/** {@link groupEvents} with the record positions read from `records` (see {@link TableJoin}). */
export function groupEventsByRecord(records: readonly RecordRow[], cols: StageEventColumns, fieldId: string): GroupedEvents {
  const join = new TableJoin(cols)
  records.forEach((r, i) => join.add(r.id, i))
  const g = groupEvents(join.pos, records.length, cols, fieldId)
  return { start: g.start.slice(), order: g.order.slice(), ignored: g.ignored }
}

/**
 * Buckets the events of `fieldId` by record (a counting sort, O(records + events)); within a
 * record they are ordered by `at`, ties kept in column order. `pos[k]` is the record index of
 * entry k of the columns' record table (-1: not among the `count` records): the join by id is
 * made once per record, never per event, so each event costs integer reads only. Only records
 * whose events arrived out of time order are sorted. `start` and `order` are scratch views
 * (scratch.ts), valid until the next call: the summary's build reads them and keeps neither
 * (at 1M records they are 21 MB a build would otherwise allocate afresh); a caller keeping
 * them copies them, as {@link groupEventsByRecord} does.
 */
export function groupEvents(pos: Int32Array, count: number, cols: StageEventColumns, fieldId: string): GroupedEvents {
  const N = count
  const E = cols.length
  const start = scratch('group.start', Uint32Array, N + 1).fill(0)
  const fieldCode = cols.names.indexOf(fieldId)
  if (fieldCode < 0 || E === 0) return { start, order: new Uint32Array(0), ignored: 0 }
  const { record, field, at } = cols
  // Per record: the latest `at` seen and whether an earlier one came after it (bucket needs sorting).
  const lastAt = scratch('group.lastAt', Float64Array, N).fill(-Infinity)
  const unsorted = scratch('group.unsorted', Uint8Array, N).fill(0)
  // The events in column order, while their records' indices never decrease and each record's
  // times ascend (events written record by record, as an import or a generated form writes
  // them): then that order is already the grouped one, and the bucketing pass is skipped.
  const inOrder = scratch('group.inOrder', Uint32Array, E)
  let k = 0
  let prev = 0
  let grouped = true
  let ignored = 0
  for (let j = 0; j < E; j++) {
    if (field[j] !== fieldCode) continue
    const i = pos[record[j] as number] as number
    if (i < 0) {
      ignored++
      continue
    }
    start[i + 1]!++
    inOrder[k++] = j
    if (i < prev) grouped = false
    prev = i
    const t = at[j] as number
    if (t < (lastAt[i] as number)) {
      unsorted[i] = 1
      grouped = false
    }
    else lastAt[i] = t
  }
  for (let i = 0; i < N; i++) start[i + 1]! += start[i] as number
  if (grouped) return { start, order: inOrder.subarray(0, k), ignored }
  const cursor = scratch('group.cursor', Uint32Array, N)
  cursor.set(start.subarray(0, N))
  const order = scratch('group.order', Uint32Array, start[N] as number)
  for (let q = 0; q < k; q++) {
    const j = inOrder[q] as number
    order[cursor[pos[record[j] as number] as number]!++] = j
  }
  for (let i = 0; i < N; i++) if (unsorted[i] === 1) sortBucket(order, start[i] as number, start[i + 1] as number, at)
  return { start, order, ignored }
}

/**
 * Joins records to the entries of a columns' record table, one record at a time (callers feed
 * it from the pass they make over the records anyway). Tables list ids in order of first use,
 * which is mostly the records' own order (a record exists before its first event), so "the
 * entry after the previous match" is tried first: one string comparison; any other id is
 * looked up in the table's index (built once per table). Guessing stops once it fails more
 * often than it hits. A repeated record id keeps its last record.
 */
export class TableJoin {
  /** Record index per table entry, -1 when no record has that id. */
  readonly pos: Int32Array
  private readonly ids: readonly string[]
  private index: ReadonlyMap<string, number> | undefined
  private last = -1
  private guess = true
  private hits = 0
  private misses = 0

  /** `pos`: where to write the positions (its length is the table's; default a new array). */
  constructor(private readonly cols: StageEventColumns, pos?: Int32Array) {
    this.ids = cols.recordIds
    this.pos = (pos ?? new Int32Array(cols.recordIds.length)).fill(-1)
  }

  add(id: string, i: number): void {
    const next = this.last + 1
    if (this.guess && next < this.ids.length && this.ids[next] === id) {
      this.pos[next] = i
      this.last = next
      this.hits++
      return
    }
    const k = (this.index ??= recordIndexOf(this.cols)).get(id)
    if (this.guess && ++this.misses > 256 && this.misses > this.hits) this.guess = false
    if (k === undefined || k >= this.pos.length) return
    this.pos[k] = i
    this.last = k
  }
}

function sortBucket(order: Uint32Array, s: number, e: number, at: Float64Array): void {
  const bucket = Array.from(order.subarray(s, e))
  bucket.sort((a, b) => (at[a] as number) - (at[b] as number) || a - b)
  order.set(bucket, s)
}

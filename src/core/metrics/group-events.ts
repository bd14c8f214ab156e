import type { RecordRow, StageEvent } from '../schema/types'

/** Events of one field bucketed by record index; see {@link groupEventsByRecord}. */
export interface GroupedEvents {
  /** Record i owns `order[start[i]] .. order[start[i + 1] - 1]` (indices into `events`). */
  start: Uint32Array
  order: Uint32Array
  /** Events of the field whose record id is not in `records`. */
  ignored: number
}

/**
 * Buckets the events of `fieldId` by record (a counting sort, O(records + events)); within a
 * record they are ordered by `at`, ties kept in input order.
 *
 * The join by record id avoids hashing where it can: an event of the same record as the
 * previous event, or of the record after it, is matched by one string comparison (events
 * grouped per record in record order, as imports and generators write them, never touch a
 * Map); any other event falls back to an id -> index Map built on first need. Only records
 * whose events arrived out of time order are sorted.
 */
export function groupEventsByRecord(records: readonly RecordRow[], events: readonly StageEvent[], fieldId: string): GroupedEvents {
  const N = records.length
  let indexOf: Map<string, number> | undefined
  const owner = new Int32Array(events.length).fill(-1)
  const start = new Uint32Array(N + 1)
  // Per record: the latest `at` seen and whether an earlier one came after it (bucket needs sorting).
  const lastAt = new Float64Array(N).fill(-Infinity)
  const unsorted = new Uint8Array(N)
  let ignored = 0
  let last = -1
  let lastId: string | undefined
  // Guessing "the next record" costs a cache miss when events are in time order: stop guessing
  // once guesses fail more often than they hit.
  let guess = true
  let hits = 0
  let misses = 0
  for (let j = 0; j < events.length; j++) {
    const ev = events[j] as StageEvent
    if (ev.fieldId !== fieldId) continue
    const id = ev.recordId
    let i: number | undefined
    if (id === lastId) i = last
    else if (guess && last + 1 < N && (records[last + 1] as RecordRow).id === id) {
      i = last + 1
      hits++
    }
    else {
      i = (indexOf ??= indexById(records)).get(id)
      if (guess && ++misses > 256 && misses > hits) guess = false
    }
    if (i === undefined) {
      ignored++
      continue
    }
    last = i
    lastId = id
    owner[j] = i
    start[i + 1]!++
    if (ev.at < (lastAt[i] as number)) unsorted[i] = 1
    else lastAt[i] = ev.at
  }
  for (let i = 0; i < N; i++) start[i + 1]! += start[i] as number
  const cursor = start.slice(0, N)
  const order = new Uint32Array(start[N] as number)
  for (let j = 0; j < events.length; j++) {
    const i = owner[j] as number
    if (i >= 0) order[cursor[i]!++] = j
  }
  for (let i = 0; i < N; i++) if (unsorted[i] === 1) sortBucket(order, start[i] as number, start[i + 1] as number, events)
  return { start, order, ignored }
}

function indexById(records: readonly RecordRow[]): Map<string, number> {
  const indexOf = new Map<string, number>()
  for (let i = 0; i < records.length; i++) indexOf.set((records[i] as RecordRow).id, i)
  return indexOf
}

function sortBucket(order: Uint32Array, s: number, e: number, events: readonly StageEvent[]): void {
  const bucket = Array.from(order.subarray(s, e))
  bucket.sort((a, b) => (events[a] as StageEvent).at - (events[b] as StageEvent).at || a - b)
  order.set(bucket, s)
}

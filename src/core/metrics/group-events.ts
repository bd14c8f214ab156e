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
 */
export function groupEventsByRecord(records: readonly RecordRow[], events: readonly StageEvent[], fieldId: string): GroupedEvents {
  const N = records.length
  const indexOf = new Map<string, number>()
  for (let i = 0; i < N; i++) indexOf.set((records[i] as RecordRow).id, i)
  const owner = new Int32Array(events.length).fill(-1)
  const start = new Uint32Array(N + 1)
  let ignored = 0
  for (let j = 0; j < events.length; j++) {
    const ev = events[j] as StageEvent
    if (ev.fieldId !== fieldId) continue
    const i = indexOf.get(ev.recordId)
    if (i === undefined) {
      ignored++
      continue
    }
    owner[j] = i
    start[i + 1]!++
  }
  for (let i = 0; i < N; i++) start[i + 1]! += start[i] as number
  const cursor = start.slice(0, N)
  const order = new Uint32Array(start[N] as number)
  for (let j = 0; j < events.length; j++) {
    const i = owner[j] as number
    if (i >= 0) order[cursor[i]!++] = j
  }
  for (let i = 0; i < N; i++) sortBucket(order, start[i] as number, start[i + 1] as number, events)
  return { start, order, ignored }
}

function sortBucket(order: Uint32Array, s: number, e: number, events: readonly StageEvent[]): void {
  let sorted = true
  for (let j = s + 1; j < e && sorted; j++) {
    if ((events[order[j] as number] as StageEvent).at < (events[order[j - 1] as number] as StageEvent).at) sorted = false
  }
  if (sorted) return
  const bucket = Array.from(order.subarray(s, e))
  bucket.sort((a, b) => (events[a] as StageEvent).at - (events[b] as StageEvent).at || a - b)
  order.set(bucket, s)
}

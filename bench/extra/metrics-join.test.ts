/**
 * Before/after of the metrics join (events -> record index) in groupEventsByRecord:
 *   npx vitest run --config bench/vitest.bench.config.ts bench/extra/metrics-join.test.ts
 * "before" is the previous implementation (a Map built and looked up for every event), kept here.
 * Logs medians for events grouped per record (generator / import order) and sorted by time
 * (the order StorageAdapter.loadStageEvents returns).
 */
import { describe, expect, it } from 'vitest'
import type { RecordRow, StageEvent } from '../../src/core/schema/types'
import type { GroupedEvents } from '../../src/core/metrics/group-events'
import { groupEventsByRecord } from '../../src/core/metrics/group-events'
import { asColumns } from '../../src/core/events'
import { summarizeStageHistory } from '../../src/core/metrics'
import { dataset, STAGE_FIELD } from '../lib/data'
import { measureAll } from '../lib/measure'

/** The previous groupEventsByRecord (commit dd6acd1), verbatim but renamed. */
function groupBefore(records: readonly RecordRow[], events: readonly StageEvent[], fieldId: string): GroupedEvents {
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
  for (let i = 0; i < N; i++) sortBucketBefore(order, start[i] as number, start[i + 1] as number, events)
  return { start, order, ignored }
}

function sortBucketBefore(order: Uint32Array, s: number, e: number, events: readonly StageEvent[]): void {
  let sorted = true
  for (let j = s + 1; j < e && sorted; j++) {
    if ((events[order[j] as number] as StageEvent).at < (events[order[j - 1] as number] as StageEvent).at) sorted = false
  }
  if (sorted) return
  const bucket = Array.from(order.subarray(s, e))
  bucket.sort((a, b) => (events[a] as StageEvent).at - (events[b] as StageEvent).at || a - b)
  order.set(bucket, s)
}

const N = Number(process.env.FG_BENCH_N ?? 100_000)

describe('metrics join before/after', () => {
  it(`should log the join and summary times over ${N} opportunities`, async () => {
    const ds = dataset(N)
    const byTime = [...ds.events].sort((a, b) => a.at - b.at)
    for (const [order, events] of [['grouped per record', ds.events], ['sorted by time', byTime]] as const) {
      // the history store holds columns (issue 17): the join reads them
      const cols = asColumns(events)
      const t = await measureAll({
        before: () => void groupBefore(ds.records, events, STAGE_FIELD),
        after: () => void groupEventsByRecord(ds.records, cols, STAGE_FIELD),
        summary: () => void summarizeStageHistory(ds.records, cols, ds.stageField),
      }, { runs: 7 })
      console.log(`${N} records, events ${order}: groupEventsByRecord before ${t.before.median} ms, after ${t.after.median} ms; full summary ${t.summary.median} ms`)
    }
    const a = groupBefore(ds.records, byTime, STAGE_FIELD)
    const b = groupEventsByRecord(ds.records, asColumns(byTime), STAGE_FIELD)
    expect(Array.from(b.order)).toEqual(Array.from(a.order))
  }, 3_600_000)
})

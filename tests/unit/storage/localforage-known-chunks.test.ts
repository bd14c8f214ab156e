import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BuiltBatch } from '../../../src/core/io/built-batches'
import type { RecordRow } from '../../../src/core/schema/types'
import type { Transaction } from '../../../src/core/storage/adapter'
import type { KvStore } from '../../../src/storage/kv-store'
import { eventsOfColumns } from '../../../src/core/events'
import { packBatch, unpackBatch } from '../../../src/core/io/packed-batch'
import { freezeTransaction } from '../../../src/core/storage/clone'
import { rememberChunk, takeKnownChunk } from '../../../src/core/storage/known-chunks'
import { encodeRecordChunk, isStoredRecordChunk } from '../../../src/core/storage/record-chunk'
import { createLocalforageStore } from '../../../src/storage/kv-store'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { uniqueName } from '../../fixtures/storage-contract'
import { change, closedAfterEach, eventually, form, record, records, settings, stageEvent, withWriteMany } from '../../fixtures/storage'

const CHUNK = 5

/** A store that keeps every value each `writeMany` was handed (before IndexedDB's copy). */
function watched(name: string) {
  const inner = createLocalforageStore(name)
  const written: Map<string, unknown>[] = []
  const store: KvStore = withWriteMany(inner, async (sets, removes) => {
    written.push(new Map(sets))
    return inner.writeMany!(sets, removes)
  })
  return { store, written }
}

/** One import batch of `n` new records from line `from`, one stage event and one change entry each. */
function importBatch(from: number, n: number, at: number): BuiltBatch {
  const put = Array.from({ length: n }, (_, i) => ({ ...record(`imp.${from + i}`), values: { f_name: `Deal ${from + i}`, f_stage: i % 2 ? 's2' : 's1', f_amount: (from + i) * 10 } }))
  return {
    index: 0,
    total: 1,
    size: n,
    stageDateIssues: 0,
    tx: { records: { deals: { put } }, stageEvents: put.map((r, i) => stageEvent(`e.${from + i}`, r.id, r.values.f_stage as string, at + i)), changes: put.map((r, i) => change(`c.${from + i}`, r.id, at + i)) },
  }
}

/** What a workspace holds, as the app reads it after a reload: records in order, events, changes, the backup's text. */
async function contents(name: string, now: number) {
  const a = createLocalforageAdapter({ name, chunkSize: CHUNK, now: () => now, broadcast: false })
  try {
    const rows = await a.loadRecords('deals')
    const events = eventsOfColumns(await a.loadStageEventColumns('deals'))
    const backup = await a.exportBackup()
    return { ids: rows.map(r => r.id), rows: JSON.stringify(rows), events: JSON.stringify(events), backup: JSON.stringify(backup) }
  }
  finally {
    await a.close()
  }
}

describe('localforage adapter: chunks made in the import worker (known-chunks.ts)', () => {
  const track = closedAfterEach()

  it('should store an import posted as chunks exactly as the same import committed as objects, each batch its worker-made chunks', async () => {
    await fc.assert(fc.asyncProperty(
      fc.nat({ max: 7 }),
      fc.array(fc.integer({ min: 1, max: CHUNK }), { minLength: 1, maxLength: 4 }),
      async (existing, sizes) => {
        const names = [uniqueName('objects'), uniqueName('chunks')]
        const w = watched(names[1]!)
        const adapters = [createLocalforageAdapter({ name: names[0], chunkSize: CHUNK, broadcast: false }), createLocalforageAdapter({ name: names[1], chunkSize: CHUNK, broadcast: false, stores: { data: w.store, wal: createLocalforageStore(`${names[1]}-wal`) } })].map(track)
        // a form holding records already, its last chunk partly filled
        const before: Transaction = { settings: settings(), defs: { put: [{ kind: 'form', doc: form('deals') }] }, records: { deals: { put: Array.from({ length: existing }, (_, i) => record(i)) } }, stageEvents: existing ? [stageEvent('e0', 'r0', 's1', 1)] : [] }
        for (const a of adapters) await a.commit(structuredClone(before))
        let from = 2
        for (const n of sizes) {
          const b = importBatch(from, n, 1000 + from)
          from += n
          await adapters[0]!.commit(freezeTransaction(structuredClone(b.tx)))
          const posted = structuredClone(packBatch(b))
          const page = unpackBatch(posted)
          w.written.length = 0
          await adapters[1]!.commit(page.tx)
          // the batch's records and events went to chunks of their own, stored as the worker made them (those very objects)
          const stored = [...w.written[0]!].filter(([k]) => k.startsWith('rec:') || k.startsWith('ev:')).map(([, v]) => v)
          expect(stored).toHaveLength(2)
          expect(stored[0]).toBe(posted.packed!.records)
          expect(stored[1]).toBe(posted.packed!.events)
        }
        // in this page (the adapters' caches) and after a reload
        const live = await Promise.all(adapters.map(async a => JSON.stringify([await a.loadRecords('deals'), eventsOfColumns(await a.loadStageEventColumns('deals')), (await a.exportBackup()).changes])))
        expect(live[1]).toBe(live[0])
        for (const a of adapters) await a.close()
        const [objects, chunks] = await Promise.all(names.map(n => contents(n, 42)))
        expect(chunks).toEqual(objects)
      },
    ), { numRuns: 12 })
  })

  it('should encode what a transaction puts when it is not exactly the remembered records (an automation replaced one)', async () => {
    const name = uniqueName('lf')
    const a = track(createLocalforageAdapter({ name, chunkSize: CHUNK, broadcast: false }))
    await a.commit({ defs: { put: [{ kind: 'form', doc: form('deals') }] } })
    const page = unpackBatch(structuredClone(packBatch(importBatch(2, 3, 10))))
    const put = page.tx.records!.deals!.put!
    const edited = Object.freeze({ ...put[2]!, values: Object.freeze({ ...put[2]!.values, f_name: 'changed by an automation' }) }) as RecordRow
    await a.commit({ ...page.tx, records: { deals: { put: [put[0]!, put[1]!, edited] } } })
    await a.close()
    const after = await contents(name, 1)
    expect(JSON.parse(after.rows).map((r: RecordRow) => r.values.f_name)).toEqual(['Deal 2', 'Deal 3', 'changed by an automation'])
  })

  it('should not store a remembered batch twice when its records are stored already, and keep later edits, deletions and events in place', async () => {
    const name = uniqueName('lf')
    const a = track(createLocalforageAdapter({ name, chunkSize: CHUNK, broadcast: false }))
    await a.commit({ defs: { put: [{ kind: 'form', doc: form('deals') }] } })
    const b = importBatch(2, 3, 10)
    await a.commit(unpackBatch(structuredClone(packBatch(b))).tx)
    // the same records written again (an import resumed over lines that landed): rev raised, no second copy
    const again = unpackBatch(structuredClone(packBatch({ ...b, tx: { records: { deals: { put: b.tx.records!.deals!.put!.map(r => ({ ...r, rev: 2 })) } } } })))
    await a.commit(again.tx)
    // an edit of an imported record, a new record and a stage event after the import
    await a.commit({ records: { deals: { put: [{ ...record('imp.3'), values: { f_name: 'edited' }, rev: 3 }, record('later')] } }, stageEvents: [stageEvent('e.later', 'later', 's2', 99)] })
    // and a deletion: the record is gone after a reload (no copy of it left in another chunk)
    await a.commit({ records: { deals: { delete: ['imp.4'], toTrash: true } } })
    await a.close()
    const after = await contents(name, 1)
    expect(after.ids).toEqual(['imp.2', 'imp.3', 'later'])
    expect(JSON.parse(after.rows).map((r: RecordRow) => [r.values.f_name, r.rev])).toEqual([['Deal 2', 2], ['edited', 3], ['Deal later', 1]])
    expect(JSON.parse(after.events).map((e: { id: string }) => e.id)).toEqual(['e.2', 'e.3', 'e.4', 'e.later'])
  })

  it('should remember a chunk only for records frozen with their values', () => {
    const rows = [record('x')]
    const chunk = encodeRecordChunk(rows)
    expect(isStoredRecordChunk(chunk)).toBe(true)
    rememberChunk(rows, chunk)
    expect(takeKnownChunk(rows)).toBeUndefined()
    Object.freeze(rows[0]!.values)
    rememberChunk(rows, chunk)
    expect(takeKnownChunk(rows)).toBeUndefined()
    Object.freeze(rows[0])
    rememberChunk(rows, chunk)
    expect(takeKnownChunk(rows)).toBe(chunk)
  })
})

describe('localforage adapter: another tab applying an import stored as worker-made chunks', () => {
  const track = closedAfterEach()

  it('should place the batch in its chunk as storage has it, so the other tab\'s own writes afterwards lose none of the imported rows or events', async () => {
    const name = uniqueName('tabs')
    const a = track(createLocalforageAdapter({ name, chunkSize: CHUNK }))
    const b = track(createLocalforageAdapter({ name, chunkSize: CHUNK }))
    await a.commit({ defs: { put: [{ kind: 'form', doc: form('deals') }] }, records: { deals: { put: records(2) } }, stageEvents: [stageEvent('e0', 'r0', 's1', 1)] })
    // the other tab holds the form and all its events
    await b.loadRecords('deals')
    await b.loadStageEventColumns('deals')
    const seen: string[] = []
    b.onExternalChange(c => seen.push(...(c.tx.records?.deals?.put ?? []).map(r => r.id)))
    await a.commit(unpackBatch(structuredClone(packBatch(importBatch(2, 3, 10)))).tx)
    await eventually(() => expect(seen).toEqual(['imp.2', 'imp.3', 'imp.4']))
    // the other tab's own writes: a new record with a stage event (into the chunk after the last
    // one it knows of), an edit of an imported record, a deletion
    await b.commit({ records: { deals: { put: [record('b1')] } }, stageEvents: [stageEvent('e.b', 'b1', 's2', 50)] })
    const read = await contents(name, 1)
    expect(read.ids).toEqual(['r0', 'r1', 'imp.2', 'imp.3', 'imp.4', 'b1'])
    expect(JSON.parse(read.events).map((e: { id: string }) => e.id)).toEqual(['e0', 'e.2', 'e.3', 'e.4', 'e.b'])
    await b.commit({ records: { deals: { put: [{ ...record('imp.3'), values: { f_name: 'edited in b' }, rev: 2 }] } } })
    await b.commit({ records: { deals: { delete: ['imp.4'], toTrash: true } } })
    for (const x of [a, b]) await x.close()
    const after = await contents(name, 1)
    expect(after.ids).toEqual(['r0', 'r1', 'imp.2', 'imp.3', 'b1'])
    expect(JSON.parse(after.rows).find((r: RecordRow) => r.id === 'imp.3').values.f_name).toBe('edited in b')
    expect(JSON.parse(after.events).map((e: { id: string }) => e.id)).toEqual(['e0', 'e.2', 'e.3', 'e.4', 'e.b'])
  })
})

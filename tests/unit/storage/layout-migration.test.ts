import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeEventChunk, isStoredEventChunk } from '../../../src/core/events'
import type { RecordRow, StageEvent, WorkspaceBackup } from '../../../src/core/schema/types'
import { decodeRecordChunk, isStoredRecordChunk } from '../../../src/core/storage/record-chunk'
import type { StorageAdapter } from '../../../src/core/storage/adapter'
import type { KvStore } from '../../../src/storage/kv-store'
import { createLocalforageStore } from '../../../src/storage/kv-store'
import { LAYOUT_KEY, LAYOUT_VERSION, MIGRATION_BATCH, storedLayoutVersion } from '../../../src/storage/layout-migration'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { uniqueName } from '../../fixtures/storage-contract'
import { eventually, putTx, records, stageEvent } from '../../fixtures/storage'

const CHUNK = 2
/** More chunks than one migration batch holds. */
const EVENTS = (MIGRATION_BATCH + 5) * CHUNK
const events = (from: number, n: number): StageEvent[] =>
  Array.from({ length: n }, (_, i) => stageEvent(`e${from + i}`, `r${(from + i) % 7}`, i % 3 ? 'won' : 's1', 1_000 - (from + i)))

/**
 * Turns a database written by this app into the layout 2 the app wrote before records were
 * stored as columns: each `rec:` chunk an array of the records, `layout` 2.
 */
async function toLayout2(name: string): Promise<void> {
  const kv = createLocalforageStore(name)
  for (const key of await kv.keys()) {
    if (!key.startsWith('rec:')) continue
    const value = await kv.getItem<unknown>(key)
    if (isStoredRecordChunk(value)) await kv.setItem(key, decodeRecordChunk(value))
  }
  await kv.setItem(LAYOUT_KEY, { version: 2 })
}

/**
 * Turns a database written by this app into the layout 1 the app wrote before stage events
 * were stored as columns: each `ev:` (and `rec:`) chunk an array of the objects, no `layout` key.
 */
async function toLayout1(name: string): Promise<void> {
  await toLayout2(name)
  const kv = createLocalforageStore(name)
  for (const key of await kv.keys()) {
    if (!key.startsWith('ev:')) continue
    const value = await kv.getItem<unknown>(key)
    if (isStoredEventChunk(value)) await kv.setItem(key, decodeEventChunk(value))
  }
  await kv.removeItem(LAYOUT_KEY)
}

async function chunkFormats(name: string, prefix = 'ev:'): Promise<{ columns: number, objects: number }> {
  const kv = createLocalforageStore(name)
  const out = { columns: 0, objects: 0 }
  for (const key of await kv.keys()) {
    if (!key.startsWith(prefix)) continue
    const value = await kv.getItem<unknown>(key)
    if (isStoredEventChunk(value) || isStoredRecordChunk(value)) out.columns++
    else if (Array.isArray(value)) out.objects++
  }
  return out
}

/** A data store that stops writing after `limit` writes (the tab closed midway): later writes fail, nothing of them lands. */
function cutOff(inner: KvStore, limit: number): KvStore {
  let writes = 0
  const gate = (): boolean => ++writes <= limit
  return {
    getItem: key => inner.getItem(key),
    setItem: (key, value) => (gate() ? inner.setItem(key, value) : Promise.reject(new Error('the page went away'))),
    removeItem: key => inner.removeItem(key),
    keys: () => inner.keys(),
    writeMany: (sets, removes) => (gate() ? inner.writeMany!(sets, removes) : Promise.reject(new Error('the page went away'))),
  }
}

describe('storage layout migration (stage events as columns)', () => {
  const open: StorageAdapter[] = []
  function make(name: string, data?: KvStore): StorageAdapter {
    const stores = data ? { data, wal: createLocalforageStore(`${name}-wal`) } : undefined
    const adapter = createLocalforageAdapter({ name, chunkSize: CHUNK, broadcast: false, stores, now: () => 1_750_000_000_000 })
    open.push(adapter)
    return adapter
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map(a => a.close()))
  })

  async function seeded(name: string): Promise<StageEvent[]> {
    const adapter = make(name)
    const evs = events(0, EVENTS)
    await adapter.commit({ ...putTx(records(7)), stageEvents: evs })
    await adapter.close()
    await toLayout1(name)
    expect(await chunkFormats(name)).toEqual({ columns: 0, objects: EVENTS / CHUNK })
    return evs
  }

  it('should mark a new database as the current layout at once', async () => {
    const name = uniqueName('layout-new')
    const adapter = make(name)
    await adapter.loadDefinitions()
    expect(await storedLayoutVersion(createLocalforageStore(name))).toBe(LAYOUT_VERSION)
  })

  it('should convert every chunk of the old layout on first open, reading the same events meanwhile and after', async () => {
    const name = uniqueName('layout-old')
    const evs = await seeded(name)
    const sorted = [...evs].sort((a, b) => a.at - b.at)
    const adapter = make(name)
    // Readable at once, whatever the migration has done so far.
    expect(await adapter.loadStageEvents('deals')).toEqual(sorted)
    await eventually(async () => expect(await storedLayoutVersion(createLocalforageStore(name))).toBe(LAYOUT_VERSION))
    expect(await chunkFormats(name)).toEqual({ columns: EVENTS / CHUNK, objects: 0 })
    await adapter.close()
    const again = make(name)
    expect(await again.loadStageEvents('deals')).toEqual(sorted)
    const cols = await again.loadStageEventColumns('deals')
    expect(cols.length).toBe(EVENTS)
    expect([...cols.at.subarray(0, cols.length)]).toEqual(sorted.map(e => e.at))
  })

  it('should lose nothing when the tab closes midway, and finish on the next open', async () => {
    const name = uniqueName('layout-cut')
    const evs = await seeded(name)
    // One batch lands, the next never does (the page went away while writing it).
    const adapter = make(name, cutOff(createLocalforageStore(name), 1))
    await eventually(async () => expect((await chunkFormats(name)).columns).toBe(MIGRATION_BATCH))
    expect(await storedLayoutVersion(createLocalforageStore(name))).toBe(1)
    await adapter.close()
    const next = make(name)
    expect(await next.loadStageEvents('deals')).toEqual([...evs].sort((a, b) => a.at - b.at))
    await eventually(async () => expect(await storedLayoutVersion(createLocalforageStore(name))).toBe(LAYOUT_VERSION))
    expect(await chunkFormats(name)).toEqual({ columns: EVENTS / CHUNK, objects: 0 })
  })

  it('should keep events committed while the migration runs', async () => {
    const name = uniqueName('layout-busy')
    const evs = await seeded(name)
    const adapter = make(name)
    const more = events(EVENTS, 9)
    for (const e of more) await adapter.commit({ stageEvents: [e] })
    await eventually(async () => expect(await storedLayoutVersion(createLocalforageStore(name))).toBe(LAYOUT_VERSION))
    await adapter.close()
    const again = make(name)
    expect((await again.loadStageEvents('deals')).map(e => e.id).sort()).toEqual([...evs, ...more].map(e => e.id).sort())
    expect((await chunkFormats(name)).objects).toBe(0)
  })

  it('should export the golden backup bytes from a database in the old layout, before and after migrating', async () => {
    const text = readFileSync(new URL('../../fixtures/backup-golden/hand-made.json', import.meta.url), 'utf8')
    const name = uniqueName('layout-golden')
    const writer = make(name)
    await writer.importBackup(JSON.parse(text) as WorkspaceBackup)
    await writer.close()
    await toLayout1(name)
    const adapter = make(name)
    expect(JSON.stringify(await adapter.exportBackup())).toBe(text)
    await eventually(async () => expect(await storedLayoutVersion(createLocalforageStore(name))).toBe(LAYOUT_VERSION))
    await adapter.close()
    expect(JSON.stringify(await make(name).exportBackup())).toBe(text)
  })

  it('should convert record chunks of layout 2 to columns, the same records with their keys in order', async () => {
    const name = uniqueName('layout-rec')
    const writer = make(name)
    // Key orders differ between records (an edit adds a value last, an older path wrote createdAt first).
    const rows: RecordRow[] = records(2 * MIGRATION_BATCH + 3).map((r, i) => (i % 3 === 0
      ? { createdAt: r.createdAt, id: r.id, values: { ...r.values, f_note: `n${i}` }, updatedAt: r.updatedAt, rev: r.rev }
      : r))
    await writer.commit(putTx(rows))
    await writer.close()
    await toLayout2(name)
    const chunks = Math.ceil(rows.length / CHUNK)
    expect(await chunkFormats(name, 'rec:')).toEqual({ columns: 0, objects: chunks })
    const adapter = make(name)
    const same = (list: RecordRow[]) => expect(JSON.stringify(list)).toBe(JSON.stringify(rows))
    same(await adapter.loadRecords('deals'))
    await eventually(async () => expect(await storedLayoutVersion(createLocalforageStore(name))).toBe(LAYOUT_VERSION))
    expect(await chunkFormats(name, 'rec:')).toEqual({ columns: chunks, objects: 0 })
    await adapter.close()
    same(await make(name).loadRecords('deals'))
  })
})

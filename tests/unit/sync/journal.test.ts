// A tab closed between its local commit and the mirror write (the sync journal's gap), against a
// real CouchDB-protocol server: the next start queues what the local store holds, and nothing
// else — not a commit that never landed, not an older version over a teammate's newer one.
import PouchDBCore from 'pouchdb-core'
import MemoryAdapter from 'pouchdb-adapter-memory'
import HttpAdapter from 'pouchdb-adapter-http'
import Replication from 'pouchdb-replication'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FormDef, RecordRow } from '../../../src/core/schema/types'
import type { Transaction } from '../../../src/core/storage/adapter'
import { createMemoryAdapter } from '../../../src/core/storage/memory-adapter'
import { createSyncEngine } from '../../../src/sync/engine'
import type { JournalEntry, JournalStore } from '../../../src/sync/journal'
import type { PouchStatic } from '../../../src/sync/pouch-types'
import { withSync } from '../../../src/sync/syncing-adapter'
import { publishWorkspace } from '../../../src/sync/transfer'
import type { SyncServer } from '../../../tools/sync-server.mjs'
import { startWorkspaceServer } from './workspace-server'
import { change, eventually, settings, stageEvent } from '../../fixtures/storage'

const PouchDB = (PouchDBCore as unknown as PouchStatic).plugin(MemoryAdapter).plugin(HttpAdapter).plugin(Replication)
const DB = 'funnelgrid-journal'
const deals: FormDef = {
  schemaVersion: 1, id: 'deals', appId: 'a1', name: '商机', createdAt: 1, updatedAt: 1,
  fields: [{ id: 'f_name', type: 'text', label: '名称' }, { id: 'f_amount', type: 'number', label: '金额' }],
}
const row = (id: string, values: Record<string, unknown>, rev = 1): RecordRow => ({ id, values, createdAt: 1000, updatedAt: 1000 + rev, rev })

let server: SyncServer
let n = 0

function memoryJournal(): JournalStore & { entries: Map<string, JournalEntry> } {
  const entries = new Map<string, JournalEntry>()
  return { entries, load: () => [...entries.values()], put: e => void entries.set(e.id, structuredClone(e)), remove: id => void entries.delete(id) }
}

/** One device: its local store, mirror and journal outlive the engine (a tab closed and opened again). */
async function device(remembered: string[] = []) {
  const local = createMemoryAdapter()
  const mirror = new PouchDB(`journal-mirror-${n++}`, { adapter: 'memory' })
  const remote = new PouchDB(`${server.url}${DB}`, { skip_setup: true, auth: { username: 'ann', password: 'pw' } })
  const journal = memoryJournal()
  const engine = () => createSyncEngine({ PouchDB, mirror, remote, local, user: 'ann', unpushed: { load: () => remembered, save: () => {} }, journal, batchSize: 100 })
  return { local, mirror, remote, journal, engine }
}

const serverDoc = async (id: string) => {
  const res = await fetch(`${server.url}${DB}/${encodeURIComponent(id)}`, { headers: { Authorization: server.auth } })
  return res.ok ? await res.json() as { body: { values?: Record<string, unknown>, rev?: number } } : null
}

beforeAll(async () => {
  server = await startWorkspaceServer(DB, [{ name: 'ann', role: 'admin' }])
}, 60_000)
afterAll(async () => { await server?.stop() })

describe('the sync journal', () => {
  it('queues on the next start what a tab committed locally but never wrote into the mirror, and forgets a commit that never landed', async () => {
    const d = await device()
    await d.local.commit({ defs: { put: [{ kind: 'form', doc: deals }] }, settings: settings(), records: { deals: { put: [row('d1', { f_name: 'Deal 1', f_amount: 1 })] } } })
    await publishWorkspace({ PouchDB, mirror: d.mirror, remote: d.remote, local: d.local, user: 'ann', batchSize: 100 })

    // The tab notes the commit, commits locally, and is closed before the mirror write.
    const first = d.engine()
    const killed: Transaction = {
      records: { deals: { put: [row('d1', { f_name: 'Deal 1', f_amount: 500 }, 2), row('d2', { f_name: 'Deal 2', f_amount: 7 })] } },
      stageEvents: [stageEvent('e1', 'd1', 'won', 5)],
      changes: [change('c1', 'd1', 5)],
    }
    first.note(killed)
    await d.local.commit(killed)
    // A second commit was noted but the tab closed before it reached the local store.
    first.note({ records: { deals: { put: [row('d3', { f_name: 'never stored' })] } } })
    expect(d.journal.entries.size).toBe(2)
    expect(await d.mirror.allDocs({ keys: ['rec:deals:d2'] }).then(r => 'value' in r.rows[0]!)).toBe(false)

    const second = d.engine()
    await second.start()
    await eventually(async () => {
      expect((await serverDoc('rec:deals:d1'))?.body.values?.f_amount).toBe(500)
      expect((await serverDoc('rec:deals:d2'))?.body.values?.f_name).toBe('Deal 2')
      expect(await serverDoc('evt:deals:e1')).not.toBeNull()
      expect(await serverDoc('chg:deals:c1')).not.toBeNull()
    }, 15_000)
    expect(await serverDoc('rec:deals:d3')).toBeNull()
    expect(d.journal.entries.size).toBe(0)
    await eventually(() => expect(second.status()).toMatchObject({ state: 'synced' }), 15_000)
    await second.stop()
  }, 60_000)

  it('writes nothing over a newer version the mirror already holds, and keeps the note of a commit whose mirror write failed', async () => {
    const d = await device()
    await d.local.commit({ defs: { put: [{ kind: 'form', doc: deals }] }, records: { deals: { put: [row('k1', { f_name: 'Keep', f_amount: 1 })] } } })
    // A teammate's rev 3 has been pulled into the mirror, not yet applied here (rev 2 noted and committed).
    await d.mirror.put({ _id: 'rec:deals:k1', type: 'record', schemaVersion: 1, by: 'bob', at: new Date().toISOString(), body: row('k1', { f_name: 'Keep', f_amount: 3 }, 3) })
    const engine = d.engine()
    const tx: Transaction = { records: { deals: { put: [row('k1', { f_name: 'Keep', f_amount: 2 }, 2)] } } }
    engine.note(tx)
    await d.local.commit(tx)
    expect(await engine.recover()).toBe(0)
    expect(((await d.mirror.get('rec:deals:k1')) as unknown as { body: RecordRow }).body.values.f_amount).toBe(3)
    expect(d.journal.entries.size).toBe(0)

    // Through the syncing adapter: a mirror write that fails leaves the note; the next recovery writes it.
    const failing = { ...engine, write: () => Promise.reject(new Error('mirror closed')) }
    const failures: unknown[] = []
    const adapter = withSync(d.local, failing, e => failures.push(e))
    await adapter.commit({ records: { deals: { put: [row('k2', { f_name: 'Later', f_amount: 9 })] } } })
    expect(failures).toHaveLength(1)
    expect(d.journal.entries.size).toBe(1)
    expect(await engine.recover()).toBe(1)
    expect(((await d.mirror.get('rec:deals:k2')) as unknown as { body: RecordRow }).body.values.f_amount).toBe(9)
    expect(d.journal.entries.size).toBe(0)
  }, 30_000)

  it('clears a waiting count left by a closed tab once the server has those revisions, and keeps what it lacks', async () => {
    const d = await device(['rec:deals:d1', 'rec:deals:gone'])
    await d.local.commit({ defs: { put: [{ kind: 'form', doc: deals }] }, settings: settings(), records: { deals: { put: [row('d1', { f_name: 'Deal 1', f_amount: 1 })] } } })
    await publishWorkspace({ PouchDB, mirror: d.mirror, remote: d.remote, local: d.local, user: 'ann', batchSize: 100 })
    const engine = d.engine()
    expect(engine.status().pending).toBe(2)
    await engine.start()
    await eventually(() => expect(engine.status()).toMatchObject({ state: 'synced', pending: 0 }), 15_000)
    await engine.stop()
  }, 30_000)
})

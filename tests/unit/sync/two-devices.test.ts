// Two devices, each with its own local store and sync mirror, sharing one workspace database on
// a real CouchDB-protocol server (pouchdb-server in memory on a free loopback port).
import PouchDBCore from 'pouchdb-core'
import MemoryAdapter from 'pouchdb-adapter-memory'
import HttpAdapter from 'pouchdb-adapter-http'
import Replication from 'pouchdb-replication'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FormDef, RecordRow } from '../../../src/core/schema/types'
import type { StorageAdapter } from '../../../src/core/storage/adapter'
import { createMemoryAdapter } from '../../../src/core/storage/memory-adapter'
import { createUser, createWorkspaceDatabase, type ServerConnection } from '../../../src/core/sync/server-api'
import { createSyncEngine, type SyncEngine } from '../../../src/sync/engine'
import type { PouchStatic } from '../../../src/sync/pouch-types'
import { withSync } from '../../../src/sync/syncing-adapter'
import { joinWorkspace, publishWorkspace } from '../../../src/sync/transfer'
import { startSyncServer, type SyncServer } from '../../../tools/sync-server.mjs'
import { eventually, settings, stageEvent } from '../../fixtures/storage'

const PouchDB = (PouchDBCore as unknown as PouchStatic).plugin(MemoryAdapter).plugin(HttpAdapter).plugin(Replication)
const DB = 'funnelgrid-two-devices'
const deals: FormDef = {
  schemaVersion: 1, id: 'deals', appId: 'a1', name: '商机', createdAt: 1, updatedAt: 1,
  fields: [{ id: 'f_name', type: 'text', label: '名称' }, { id: 'f_amount', type: 'number', label: '金额' }, { id: 'f_note', type: 'text', label: '备注' }],
}
const row = (id: string, values: Record<string, unknown>, rev = 1): RecordRow => ({ id, values, createdAt: 1000, updatedAt: 1000 + rev, rev })

let server: SyncServer
let n = 0

interface Device {
  local: StorageAdapter
  adapter: StorageAdapter
  engine: SyncEngine
  mirror: InstanceType<PouchStatic>
  remote: InstanceType<PouchStatic>
}

function device(user: string): Omit<Device, 'engine' | 'adapter'> & { connect: () => Device } {
  const local = createMemoryAdapter()
  const mirror = new PouchDB(`mirror-${user}-${n++}`, { adapter: 'memory' })
  const remote = new PouchDB(`${server.url}${DB}`, { skip_setup: true, auth: { username: user, password: 'pw' } })
  let saved: string[] = []
  return {
    local, mirror, remote,
    connect() {
      const engine = createSyncEngine({ PouchDB, mirror, remote, local, user, unpushed: { load: () => saved, save: (ids) => { saved = ids } }, batchSize: 100 })
      const adapter = withSync(local, engine, (error) => { throw error })
      return { local, mirror, remote, engine, adapter }
    },
  }
}

async function valuesOf(adapter: StorageAdapter, id: string) {
  return (await adapter.loadRecords('deals')).find(r => r.id === id)?.values
}

beforeAll(async () => {
  server = await startSyncServer()
  const admin: ServerConnection = { url: server.url, headers: { Authorization: server.auth } }
  for (const name of ['ann', 'bob', 'vic']) await createUser(admin, name, 'pw')
  await createWorkspaceDatabase(admin, DB, [{ name: 'ann', role: 'admin' }, { name: 'bob', role: 'member' }, { name: 'vic', role: 'viewer' }])
}, 60_000)
afterAll(async () => { await server?.stop() })

describe('two devices on one workspace database', () => {
  let a: Device
  let b: Device

  it('publishes from one device and joins from the other: the same workspace on both', async () => {
    const first = device('ann')
    await first.local.commit({
      defs: { put: [{ kind: 'form', doc: deals }] },
      settings: settings(),
      records: { deals: { put: Array.from({ length: 250 }, (_, i) => row(`d${i}`, { f_name: `Deal ${i}`, f_amount: i * 10 })) } },
      stageEvents: [stageEvent('e1', 'd1', 'won', 5)],
    })
    const progress: number[] = []
    const published = await publishWorkspace({ PouchDB, mirror: first.mirror, remote: first.remote, local: first.local, user: 'ann', onProgress: p => progress.push(p.done), batchSize: 100 })
    expect(published.documents).toBe(253)
    expect(progress.at(-1)).toBe(253)

    const second = device('bob')
    const joined = await joinWorkspace({ PouchDB, mirror: second.mirror, remote: second.remote, local: second.local, batchSize: 100 })
    expect(joined.skipped).toEqual([])
    // Records arrive in creation order (ties by id): the same order on every device that joins.
    const ids = async (d: StorageAdapter) => (await d.loadRecords('deals')).map(r => r.id).sort()
    expect(await ids(second.local)).toEqual(await ids(first.local))
    expect(await second.local.loadRecords('deals')).toEqual(expect.arrayContaining(await first.local.loadRecords('deals')))
    expect(await second.local.loadStageEvents('deals')).toEqual(await first.local.loadStageEvents('deals'))
    a = first.connect()
    b = second.connect()
    await a.engine.start()
    await b.engine.start()
  }, 60_000)

  it('carries an edit and a stage event from one device to the other', async () => {
    const heard: string[] = []
    b.adapter.onExternalChange(({ tx }) => heard.push(...(tx.records?.deals?.put ?? []).map(r => r.id)))
    await a.adapter.commit({ records: { deals: { put: [row('d1', { f_name: 'Deal 1', f_amount: 999 }, 2)] } }, stageEvents: [stageEvent('e2', 'd1', 'lost', 9)] })
    await eventually(async () => expect((await valuesOf(b.local, 'd1'))?.f_amount).toBe(999), 15_000)
    expect(heard).toContain('d1')
    // Documents replicate one by one (CouchDB has no multi-document transaction): the event may
    // arrive in the batch after its record's.
    await eventually(async () => expect((await b.local.loadStageEvents('deals', 'd1')).map(e => e.id)).toEqual(['e1', 'e2']), 15_000)
    await eventually(() => expect(a.engine.status()).toMatchObject({ state: 'synced', pending: 0 }), 15_000)
  }, 30_000)

  it('merges fields changed on each side while both were offline', async () => {
    await a.engine.stop()
    await b.engine.stop()
    await a.adapter.commit({ records: { deals: { put: [row('d2', { f_name: 'Deal 2', f_amount: 555 }, 2)] } } })
    await b.adapter.commit({ records: { deals: { put: [row('d2', { f_name: 'Deal 2', f_amount: 20, f_note: '客户要求延期' }, 2)] } } })
    expect(a.engine.status().pending).toBe(1)
    const recompute: string[] = []
    for (const d of [a, b]) d.adapter.onExternalChange(c => recompute.push(...(c.recompute?.ids ?? [])))
    await a.engine.start()
    await b.engine.start()
    const merged = { f_name: 'Deal 2', f_amount: 555, f_note: '客户要求延期' }
    await eventually(async () => {
      expect(await valuesOf(a.local, 'd2')).toEqual(merged)
      expect(await valuesOf(b.local, 'd2')).toEqual(merged)
    }, 20_000)
    expect(a.engine.status().conflicts).toEqual([])
    expect(b.engine.status().conflicts).toEqual([])
    // The device that wrote the merge asks for its computed values to be recomputed (once).
    expect(recompute).toEqual(['d2'])
  }, 40_000)

  it('marks a field both changed as a conflict on both sides, and resolving on one clears both', async () => {
    await a.engine.stop()
    await b.engine.stop()
    await a.adapter.commit({ records: { deals: { put: [row('d3', { f_name: 'Deal 3', f_amount: 111 }, 2)] } } })
    await b.adapter.commit({ records: { deals: { put: [row('d3', { f_name: 'Deal 3', f_amount: 222 }, 2)] } } })
    await a.engine.start()
    await b.engine.start()
    await eventually(() => {
      for (const d of [a, b]) expect(d.engine.status().conflicts.map(c => [c.recordId, c.fields])).toEqual([['d3', ['f_amount']]])
    }, 20_000)
    const state = a.engine.status().conflicts[0]!
    const values = [state.winner, ...state.losers].map(s => s.values.f_amount).sort()
    expect(values).toEqual([111, 222])
    expect(new Set([state.winner.by, ...state.losers.map(l => l.by)])).toEqual(new Set(['ann', 'bob']))
    // Ann picks 222 (whichever side it is on): write it, then drop the other versions.
    const current = (await a.local.loadRecords('deals')).find(r => r.id === 'd3')!
    await a.adapter.commit({ records: { deals: { put: [{ ...current, values: { ...current.values, f_amount: 222 }, rev: current.rev + 1, updatedAt: current.updatedAt + 1 }] } } })
    await a.engine.resolved('deals', 'd3')
    await eventually(async () => {
      expect(a.engine.status().conflicts).toEqual([])
      expect(b.engine.status().conflicts).toEqual([])
      expect((await valuesOf(b.local, 'd3'))?.f_amount).toBe(222)
    }, 20_000)
  }, 40_000)

  it('refuses every write of a viewer on the server and keeps it on the viewer\'s device', async () => {
    const viewer = device('vic')
    await joinWorkspace({ PouchDB, mirror: viewer.mirror, remote: viewer.remote, local: viewer.local })
    const v = viewer.connect()
    await v.engine.start()
    await v.adapter.commit({ records: { deals: { put: [row('d4', { f_name: 'hacked', f_amount: 1 }, 5)] } } })
    await eventually(() => expect(v.engine.status().problem).toMatchObject({ kind: 'denied', ids: ['rec:deals:d4'] }), 15_000)
    expect((await valuesOf(v.local, 'd4'))?.f_name).toBe('hacked')
    const onServer = await fetch(`${server.url}${DB}/rec:deals:d4`, { headers: { Authorization: server.auth } }).then(r => r.json()) as { body: RecordRow }
    expect(onServer.body.values.f_name).toBe('Deal 4')
    await v.engine.stop()
  }, 40_000)

  afterAll(async () => {
    await a?.engine.stop()
    await b?.engine.stop()
  })
})

// Two admins save one form while apart, against a real CouchDB-protocol server: both devices end
// with the same version (the one CouchDB picks), the admin whose save lost is told which form and
// whose version was kept, and the losing revision is gone from every device.
import PouchDBCore from 'pouchdb-core'
import MemoryAdapter from 'pouchdb-adapter-memory'
import HttpAdapter from 'pouchdb-adapter-http'
import Replication from 'pouchdb-replication'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FormDef } from '../../../src/core/schema/types'
import { createMemoryAdapter } from '../../../src/core/storage/memory-adapter'
import { createSyncEngine } from '../../../src/sync/engine'
import type { PouchStatic } from '../../../src/sync/pouch-types'
import { withSync } from '../../../src/sync/syncing-adapter'
import { joinWorkspace, publishWorkspace } from '../../../src/sync/transfer'
import type { SyncServer } from '../../../tools/sync-server.mjs'
import { startWorkspaceServer } from './workspace-server'
import { eventually, settings } from '../../fixtures/storage'

const PouchDB = (PouchDBCore as unknown as PouchStatic).plugin(MemoryAdapter).plugin(HttpAdapter).plugin(Replication)
const DB = 'funnelgrid-design-clash'
const deals: FormDef = { schemaVersion: 1, id: 'deals', appId: 'a1', name: '商机', createdAt: 1, updatedAt: 1, fields: [{ id: 'f_name', type: 'text', label: '名称' }] }

let server: SyncServer
let n = 0

function device(user: string) {
  const local = createMemoryAdapter()
  const mirror = new PouchDB(`clash-${user}-${n++}`, { adapter: 'memory' })
  const remote = new PouchDB(`${server.url}${DB}`, { skip_setup: true, auth: { username: user, password: 'pw' } })
  const engine = createSyncEngine({ PouchDB, mirror, remote, local, user, unpushed: { load: () => [], save: () => {} }, batchSize: 100 })
  return { local, mirror, remote, engine, adapter: withSync(local, engine, (error) => { throw error }) }
}

beforeAll(async () => {
  server = await startWorkspaceServer(DB, [{ name: 'ann', role: 'admin' }, { name: 'amy', role: 'admin' }])
}, 60_000)
afterAll(async () => { await server?.stop() })

describe('a definition two admins saved while apart', () => {
  it('ends as one version on both devices, tells the admin whose save lost, and keeps no losing revision', async () => {
    const a = device('ann')
    await a.local.commit({ defs: { put: [{ kind: 'form', doc: deals }] }, settings: settings() })
    await publishWorkspace({ PouchDB, mirror: a.mirror, remote: a.remote, local: a.local, user: 'ann', batchSize: 100 })
    const b = device('amy')
    await joinWorkspace({ PouchDB, mirror: b.mirror, remote: b.remote, local: b.local, batchSize: 100 })

    // Both offline (engines not started): each adds a different field to the form.
    await a.adapter.commit({ defs: { put: [{ kind: 'form', doc: { ...deals, updatedAt: 10, fields: [...deals.fields, { id: 'f_ann', type: 'number', label: '金额' }] } }] } })
    await b.adapter.commit({ defs: { put: [{ kind: 'form', doc: { ...deals, updatedAt: 11, fields: [...deals.fields, { id: 'f_amy', type: 'date', label: '日期' }] } }] } })
    await a.engine.start()
    await b.engine.start()

    const fieldsOf = async (d: ReturnType<typeof device>) => (await d.local.loadDefinitions()).forms[0]!.fields.map(f => f.id)
    await eventually(async () => {
      expect(await fieldsOf(a)).toEqual(await fieldsOf(b))
      const told = [...a.engine.status().overwrittenDesigns, ...b.engine.status().overwrittenDesigns]
      expect(told).toHaveLength(1)
      const kept = (await fieldsOf(a))[1]
      // The one told is the admin whose field is not in the kept version; it names the form and the other admin.
      expect(told[0]).toMatchObject({ kind: 'form', id: 'deals', name: '商机', keptBy: kept === 'f_ann' ? 'ann' : 'amy' })
      for (const d of [a, b]) {
        const doc = await d.mirror.get('def:form:deals', { conflicts: true }) as { _conflicts?: string[] }
        expect(doc._conflicts ?? []).toEqual([])
      }
    }, 20_000)
    await a.engine.stop()
    await b.engine.stop()
  }, 60_000)
})

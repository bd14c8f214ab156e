// File contents (attachment and image values) between devices, against a real CouchDB-protocol
// server: publish and join carry them, a file stored on one device reaches the other's local
// store with its bytes and type, and the server refuses a file document without its contents.
import PouchDBCore from 'pouchdb-core'
import MemoryAdapter from 'pouchdb-adapter-memory'
import HttpAdapter from 'pouchdb-adapter-http'
import Replication from 'pouchdb-replication'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FormDef, RecordRow } from '../../../src/core/schema/types'
import type { ExternalChange } from '../../../src/core/storage/adapter'
import { createMemoryAdapter } from '../../../src/core/storage/memory-adapter'
import { createSyncEngine } from '../../../src/sync/engine'
import type { PouchStatic } from '../../../src/sync/pouch-types'
import { withSync } from '../../../src/sync/syncing-adapter'
import { joinWorkspace, publishWorkspace } from '../../../src/sync/transfer'
import type { SyncServer } from '../../../tools/sync-server.mjs'
import { startWorkspaceServer } from './workspace-server'
import { eventually, settings } from '../../fixtures/storage'

const PouchDB = (PouchDBCore as unknown as PouchStatic).plugin(MemoryAdapter).plugin(HttpAdapter).plugin(Replication)
const DB = 'funnelgrid-files'
const deals: FormDef = {
  schemaVersion: 1, id: 'deals', appId: 'a1', name: '商机', createdAt: 1, updatedAt: 1,
  fields: [{ id: 'f_name', type: 'text', label: '名称' }, { id: 'f_files', type: 'attachment', label: '附件' }],
}
const png = new Uint8Array([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ...Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)])
const row = (id: string, key: string): RecordRow => ({ id, values: { f_name: id, f_files: [{ id: `v-${key}`, name: `${key}.png`, size: png.length, mime: 'image/png', key }] }, createdAt: 1000, updatedAt: 1001, rev: 1 })

let server: SyncServer
let n = 0

function device(user: string) {
  const local = createMemoryAdapter()
  const mirror = new PouchDB(`files-${user}-${n++}`, { adapter: 'memory' })
  const remote = new PouchDB(`${server.url}${DB}`, { skip_setup: true, auth: { username: user, password: 'pw' } })
  const engine = createSyncEngine({ PouchDB, mirror, remote, local, user, unpushed: { load: () => [], save: () => {} }, batchSize: 100 })
  return { local, mirror, remote, engine, adapter: withSync(local, engine, (error) => { throw error }) }
}

const bytesOf = async (blob: Blob | null) => blob ? [...new Uint8Array(await blob.arrayBuffer())] : null

beforeAll(async () => {
  server = await startWorkspaceServer(DB, [{ name: 'ann', role: 'admin' }, { name: 'bob', role: 'member' }])
}, 60_000)
afterAll(async () => { await server?.stop() })

describe('file contents in team sync', () => {
  it('publishes and joins with the files, and carries a file stored later to the other device', async () => {
    const a = device('ann')
    await a.local.putBlobs([{ key: 'file_first', blob: new Blob([png], { type: 'image/png' }) }])
    await a.local.commit({ defs: { put: [{ kind: 'form', doc: deals }] }, settings: settings(), records: { deals: { put: [row('d1', 'file_first')] } } })
    await publishWorkspace({ PouchDB, mirror: a.mirror, remote: a.remote, local: a.local, user: 'ann', batchSize: 100 })
    const b = device('bob')
    const joined = await joinWorkspace({ PouchDB, mirror: b.mirror, remote: b.remote, local: b.local, batchSize: 100 })
    expect(joined.skipped).toEqual([])
    const first = await b.local.getBlob('file_first')
    expect(first?.type).toBe('image/png')
    expect(await bytesOf(first)).toEqual([...png])

    await a.engine.start()
    await b.engine.start()
    const heard: ExternalChange[] = []
    b.adapter.onExternalChange(change => heard.push(change))
    // As the app does: the file is stored first, then the record naming it.
    await a.adapter.putBlobs([{ key: 'file_later', blob: new Blob([png.slice(0, 1000)], { type: 'image/png' }) }])
    await a.adapter.commit({ records: { deals: { put: [row('d2', 'file_later')] } } })
    await eventually(async () => {
      expect(await bytesOf(await b.local.getBlob('file_later'))).toEqual([...png.slice(0, 1000)])
      expect((await b.local.loadRecords('deals')).map(r => r.id)).toContain('d2')
    }, 15_000)
    expect(heard.some(c => c.blobs?.includes('file_later'))).toBe(true)
    await a.engine.stop()
    await b.engine.stop()
  }, 60_000)

  it('is refused by the server without its contents, and once written never changed', async () => {
    const headers = { 'Authorization': `Basic ${Buffer.from('bob:pw').toString('base64')}`, 'Content-Type': 'application/json' }
    const bare = await fetch(`${server.url}${DB}/fil:blob:file_bare`, { method: 'PUT', headers, body: JSON.stringify({ type: 'file', schemaVersion: 1, by: 'bob', at: new Date().toISOString(), body: { key: 'file_bare', mime: 'image/png', size: 3 } }) })
    expect(bare.status).toBe(403)
    expect(await bare.text()).toContain('no content attachment')
    const current = await fetch(`${server.url}${DB}/fil:blob:file_later`, { headers }).then(r => r.json()) as Record<string, unknown>
    const changed = await fetch(`${server.url}${DB}/fil:blob:file_later`, { method: 'PUT', headers, body: JSON.stringify({ ...current, by: 'bob', _attachments: { content: { content_type: 'image/png', data: btoa('xyz') } }, body: { key: 'file_later', mime: 'image/png', size: 3 } }) })
    expect(changed.status).toBe(403)
  }, 30_000)
})

// The permission model on a real CouchDB-protocol server (pouchdb-server, in memory, started on
// a free loopback port): validate_doc_update + _security decide who may write what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer } from '../../../tools/sync-server.mjs'
import { createUser, createWorkspaceDatabase, currentSession, readSecurity, type ServerConnection, signIn, SyncServerError } from '../../../src/core/sync/server-api'
import { recordDocId, SYNC_SCHEMA_VERSION } from '../../../src/core/sync/layout'
import { roleOf } from '../../../src/core/sync/roles'

let server: SyncServer
let admin: ServerConnection
const DB = 'funnelgrid-ws-rules'
const basic = (name: string, pw = 'pw') => ({ url: server.url, headers: { Authorization: `Basic ${Buffer.from(`${name}:${pw}`).toString('base64')}` } })

beforeAll(async () => {
  server = await startSyncServer()
  admin = { url: server.url, headers: { Authorization: server.auth } }
  for (const name of ['ann', 'mia', 'vic', 'eve']) await createUser(admin, name, 'pw')
  await createWorkspaceDatabase(admin, DB, [{ name: 'ann', role: 'admin' }, { name: 'mia', role: 'member' }, { name: 'vic', role: 'viewer' }])
}, 60_000)
afterAll(async () => { await server?.stop() })

async function put(auth: { headers: Record<string, string> } | null, id: string, doc: Record<string, unknown>) {
  const res = await fetch(`${server.url}${DB}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...auth?.headers },
    body: JSON.stringify(doc),
  })
  return { status: res.status, body: await res.json() as { reason?: string, rev?: string } }
}
const recordDoc = (by: string, extra: Record<string, unknown> = {}) => ({
  type: 'record', schemaVersion: SYNC_SCHEMA_VERSION, by, at: '2026-12-03T00:00:00.000Z',
  body: { id: 'r1', formId: 'f1', values: {}, createdAt: '2026-12-03T00:00:00.000Z', updatedAt: '2026-12-03T00:00:00.000Z', rev: 1 }, ...extra,
})

describe('workspace database on the test server', () => {
  it('is readable by its members only, with the roles the client reads', async () => {
    const security = await readSecurity(admin, DB)
    expect(roleOf(await currentSession(basic('ann')), security, DB)).toBe('admin')
    expect(roleOf(await currentSession(basic('vic')), security, DB)).toBe('viewer')
    const stranger = await fetch(`${server.url}${DB}`, basic('eve'))
    expect(stranger.status).toBe(401)
    const anonymous = await fetch(`${server.url}${DB}/_all_docs`)
    expect(anonymous.status).toBe(401)
  })

  it('lets a member write records as herself, never as someone else', async () => {
    const ok = await put(basic('mia'), recordDocId('f1', 'r1'), recordDoc('mia'))
    expect(ok.status).toBe(201)
    const forged = await put(basic('mia'), recordDocId('f1', 'r2'), recordDoc('ann'))
    expect(forged.status).toBe(403)
    expect(forged.body.reason).toContain('signed in as "mia"')
  })

  it('refuses every write of a viewer, and definitions from a member', async () => {
    const viewer = await put(basic('vic'), recordDocId('f1', 'r3'), recordDoc('vic'))
    expect(viewer.status).toBe(403)
    expect(viewer.body.reason).toMatch(/viewers/)
    const form = await put(basic('mia'), 'def:form:f1', { ...recordDoc('mia'), type: 'definition' })
    expect(form.status).toBe(403)
    expect(form.body.reason).toMatch(/Only workspace admins/)
    const byAdmin = await put(basic('ann'), 'def:form:f1', { ...recordDoc('ann'), type: 'definition' })
    expect(byAdmin.status).toBe(201)
  })

  it('refuses documents this app does not write: other ids, types, schema versions', async () => {
    expect((await put(basic('mia'), 'contact-17', recordDoc('mia'))).body.reason).toMatch(/not one FunnelGrid writes/)
    expect((await put(basic('mia'), recordDocId('f1', 'r4'), recordDoc('mia', { type: 'event' }))).body.reason).toMatch(/must have type "record"/)
    expect((await put(basic('mia'), recordDocId('f1', 'r5'), recordDoc('mia', { schemaVersion: 99 }))).body.reason).toMatch(/schemaVersion 99/)
    expect((await put(basic('mia'), recordDocId('f1', 'r6'), recordDoc('mia', { body: null }))).body.reason).toMatch(/no body/)
  })

  it('keeps stage events immutable once written', async () => {
    const event = { ...recordDoc('mia'), type: 'event', body: { id: 'e1', formId: 'f1', recordId: 'r1', fieldId: 's', from: null, to: 'a', at: '2026-12-03T00:00:00.000Z' } }
    const first = await put(basic('mia'), 'evt:f1:e1', event)
    expect(first.status).toBe(201)
    const again = await put(basic('mia'), 'evt:f1:e1', { ...event, _rev: first.body.rev })
    expect(again.status).toBe(403)
  })

  it('signs in with a cookie session and says plainly when the password is wrong', async () => {
    await expect(signIn({ url: server.url }, 'mia', 'wrong')).rejects.toThrow(/refused user "mia"/)
    const error = await signIn({ url: server.url }, 'mia', 'wrong').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SyncServerError)
    expect((error as SyncServerError).kind).toBe('auth')
    await expect(createWorkspaceDatabase(basic('mia'), 'funnelgrid-other', [])).rejects.toThrow(/Only a server admin/)
  })

  it('says the server is unreachable, naming the address', async () => {
    await expect(currentSession({ url: 'http://127.0.0.1:9/' })).rejects.toThrow(/Cannot reach http:\/\/127\.0\.0\.1:9\//)
  })
})

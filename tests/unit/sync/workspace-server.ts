// The sync unit tests' server: pouchdb-server in memory on a free loopback port, with CouchDB
// users (password "pw") and one workspace database whose members have the given roles.
import type { WorkspaceRole } from '../../../src/core/sync/roles'
import { createUser, createWorkspaceDatabase, type ServerConnection } from '../../../src/core/sync/server-api'
import { startSyncServer, type SyncServer } from '../../../tools/sync-server.mjs'

export async function startWorkspaceServer(db: string, members: { name: string, role: WorkspaceRole }[]): Promise<SyncServer> {
  const server = await startSyncServer()
  const admin: ServerConnection = { url: server.url, headers: { Authorization: server.auth } }
  for (const m of members) await createUser(admin, m.name, 'pw')
  await createWorkspaceDatabase(admin, db, members)
  return server
}

// What this device remembers of its team sync (localStorage; never a password). Its own module
// so that the app's start reads it without loading the sync engine: the engine (and its
// document checks, which bring the document validators) is imported only when sync is on.
import type { WorkspaceRole } from '@/core/sync/roles'

/** What this device remembers of its team sync. No password: the server's session cookie signs in. */
export interface SyncConfig {
  server: string
  db: string
  user: string
  role: WorkspaceRole
}

const CONFIG_KEY = 'funnelgrid-sync'

export function readSyncConfig(): SyncConfig | null {
  try {
    const raw = globalThis.localStorage?.getItem(CONFIG_KEY)
    if (!raw) return null
    const value = JSON.parse(raw) as Partial<SyncConfig>
    if (typeof value.server !== 'string' || typeof value.db !== 'string' || typeof value.user !== 'string') return null
    const role = value.role === 'admin' || value.role === 'viewer' ? value.role : 'member'
    return { server: value.server, db: value.db, user: value.user, role }
  }
  catch {
    return null
  }
}

export function saveSyncConfig(config: SyncConfig | null): void {
  if (config) globalThis.localStorage?.setItem(CONFIG_KEY, JSON.stringify(config))
  else globalThis.localStorage?.removeItem(CONFIG_KEY)
}

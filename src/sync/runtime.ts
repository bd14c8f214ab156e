// Team sync in the browser: the device's sync settings (localStorage; never a password), the
// PouchDB databases (pouchdb-browser, loaded only when sync is used), and the adapter the app
// runs on when sync is on.
import type { StorageAdapter } from '@/core/storage/adapter'
import { mayWrite } from '@/core/sync/roles'
import type { SyncConfig } from './config'
import { createSyncEngine, type SyncEngine, type SyncStatus } from './engine'
import type { Mirror } from './mirror'
import type { PouchStatic } from './pouch-types'
import { withSync } from './syncing-adapter'
import { dropJournal, localStorageJournal } from './journal'

const unpushedKey = (db: string) => `funnelgrid-sync-unpushed:${db}`

let pouch: Promise<PouchStatic> | null = null
export function loadPouchDB(): Promise<PouchStatic> {
  pouch ??= import('pouchdb-browser').then(m => m.default as unknown as PouchStatic)
  return pouch
}

export function mirrorName(db: string): string {
  return `funnelgrid-sync-${db}`
}

/** The device's mirror and the server database, signed in by the session cookie. */
export async function openDatabases(server: string, db: string): Promise<{ PouchDB: PouchStatic, mirror: Mirror, remote: Mirror }> {
  const PouchDB = await loadPouchDB()
  const mirror = new PouchDB(mirrorName(db), { auto_compaction: false })
  const remote = new PouchDB(`${server}${db}`, {
    skip_setup: true,
    fetch: (url: string, init: RequestInit = {}) => PouchDB.fetch(url, { ...init, credentials: 'include' }),
  })
  return { PouchDB, mirror, remote }
}

/** Removes this device's mirror (leaving a workspace). */
export async function dropMirror(db: string): Promise<void> {
  const PouchDB = await loadPouchDB()
  await new PouchDB(mirrorName(db)).destroy()
  globalThis.localStorage?.removeItem(unpushedKey(db))
  dropJournal(db)
}

export interface SyncRuntime {
  config: SyncConfig
  engine: SyncEngine
  adapter: StorageAdapter
  /** Status changes, for the sync store. */
  onStatus: (listener: (status: SyncStatus) => void) => void
}

/** The browser's online/offline state, for the engine (none outside a window). */
function browserNetwork() {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return undefined
  return {
    online: () => navigator.onLine,
    onChange(listener: (online: boolean) => void) {
      const on = () => listener(true)
      const off = () => listener(false)
      window.addEventListener('online', on)
      window.addEventListener('offline', off)
      return () => {
        window.removeEventListener('online', on)
        window.removeEventListener('offline', off)
      }
    },
  }
}

/** Starts team sync over `local` (main.ts, when this device has a sync config). */
export async function startSync(local: StorageAdapter, config: SyncConfig): Promise<SyncRuntime> {
  const { PouchDB, mirror, remote } = await openDatabases(config.server, config.db)
  const listeners = new Set<(status: SyncStatus) => void>()
  let mirrorFailed: ((error: unknown) => void) | null = null
  const engine = createSyncEngine({
    PouchDB, mirror, remote, local, user: config.user,
    mayWrite: type => mayWrite(config.role, type),
    unpushed: {
      load: () => {
        try {
          return JSON.parse(globalThis.localStorage?.getItem(unpushedKey(config.db)) ?? '[]') as string[]
        }
        catch {
          return []
        }
      },
      save: (ids) => {
        try {
          globalThis.localStorage?.setItem(unpushedKey(config.db), JSON.stringify(ids))
        }
        catch { /* a full localStorage only costs the count after a reload */ }
      },
    },
    onStatus: status => listeners.forEach(l => l(status)),
    network: browserNetwork(),
    journal: localStorageJournal(config.db),
  })
  const adapter = withSync(local, engine, error => mirrorFailed?.(error))
  mirrorFailed = (error) => {
    const message = error instanceof Error ? error.message : String(error)
    listeners.forEach(l => l({ ...engine.status(), state: 'error', problem: { kind: 'local', message: `A change was saved here but could not be queued for the server: ${message}` } }))
  }
  void engine.start()
  return { config, engine, adapter, onStatus: l => listeners.add(l) }
}

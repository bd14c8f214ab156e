/**
 * Watches IndexedDB databases for their deletion under the open page ("clear site data", the
 * browser evicting non-persistent storage, another page calling `indexedDB.deleteDatabase`).
 * localforage closes its own connection on `versionchange` and silently re-creates an empty
 * database on the next use, so the adapter keeps its own handle to each database only to hear
 * of it: `versionchange` to no version (a delete) or `close` (the browser closed the connection
 * itself) means the data is gone. The handle is closed at once so the delete is not blocked; an
 * upgrade (a newer version) just re-opens it. Returns a function that stops watching.
 */
export function watchDatabaseLoss(names: readonly string[], onLost: (name: string) => void): () => void {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB
  if (!factory) return () => {}
  let stopped = false
  const handles = new Set<IDBDatabase>()
  const watch = (name: string): void => {
    let req: IDBOpenDBRequest
    try {
      req = factory.open(name)
    }
    catch {
      return
    }
    req.onsuccess = () => {
      const db = req.result
      if (stopped) {
        db.close()
        return
      }
      handles.add(db)
      db.onversionchange = (e) => {
        db.close()
        handles.delete(db)
        if (stopped) return
        if (e.newVersion === null) onLost(name)
        else setTimeout(() => watch(name), 0)
      }
      db.onclose = () => {
        handles.delete(db)
        if (!stopped) onLost(name)
      }
    }
    req.onerror = () => {}
  }
  for (const name of names) watch(name)
  return () => {
    stopped = true
    for (const db of handles) db.close()
    handles.clear()
  }
}

/**
 * True when the browser lists its databases and `name` is not among them (it was deleted);
 * false when it is there or the browser cannot tell. For a write that failed: was it the loss?
 */
export async function databaseGone(name: string): Promise<boolean> {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB
  if (typeof factory?.databases !== 'function') return false
  try {
    const dbs = await factory.databases()
    return !dbs.some(db => db.name === name)
  }
  catch {
    return false
  }
}

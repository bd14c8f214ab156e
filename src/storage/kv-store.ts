import localforage from 'localforage'

/**
 * The part of a localforage instance the adapter uses: one key per IndexedDB transaction.
 * Tests wrap it to inject failures (a full disk, a crash between two writes).
 */
export interface KvStore {
  getItem: <T>(key: string) => Promise<T | null>
  setItem: <T>(key: string, value: T) => Promise<T>
  removeItem: (key: string) => Promise<void>
  keys: () => Promise<string[]>
  /**
   * Puts every entry of `sets` and removes `removes` (keys also in `sets` excepted) in ONE
   * IndexedDB transaction: all of it is written or none. Stores without it (tests' wrappers)
   * make the adapter go through its write-ahead log instead.
   */
  writeMany?: (sets: ReadonlyMap<string, unknown>, removes: Iterable<string>) => Promise<void>
}

/** What localforage keeps of its open database (not part of its typed API; stable in 1.10). */
interface LocalforageDbInfo { db?: IDBDatabase, storeName?: string }

/** An IndexedDB-backed localforage instance for database `name` (no localStorage fallback), with `writeMany`. */
export function createLocalforageStore(name: string): KvStore {
  const store = localforage.createInstance({ name, storeName: 'keyvaluepairs', driver: localforage.INDEXEDDB })
  const writeMany = async (sets: ReadonlyMap<string, unknown>, removes: Iterable<string>): Promise<void> => {
    await store.ready()
    const info = (store as unknown as { _dbInfo?: LocalforageDbInfo })._dbInfo
    const db = info?.db
    if (!db || !info.storeName) throw new Error('The database is not open.')
    const storeName = info.storeName
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(storeName, 'readwrite')
      const kv = tx.objectStore(storeName)
      try {
        // localforage stores undefined as null; keep reads through getItem identical.
        for (const [key, value] of sets) kv.put(value === undefined ? null : value, key)
        for (const key of removes) if (!sets.has(key)) kv.delete(key)
      }
      catch (err) {
        // A put refused at once (a value that cannot be cloned: the adapter shares frozen
        // records uncopied) must not let the puts before it commit: all or nothing.
        tx.abort()
        reject(err)
        return
      }
      // Nothing more will be asked: commit now instead of after the success callbacks, so a
      // write started just before the page goes away still lands.
      tx.commit?.()
      tx.oncomplete = () => resolve()
      tx.onabort = tx.onerror = () => reject(tx.error ?? new DOMException('The write was aborted.', 'AbortError'))
    })
  }
  return Object.assign(store, { writeMany })
}

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
}

/** An IndexedDB-backed localforage instance for database `name` (no localStorage fallback). */
export function createLocalforageStore(name: string): KvStore {
  return localforage.createInstance({ name, storeName: 'keyvaluepairs', driver: localforage.INDEXEDDB })
}

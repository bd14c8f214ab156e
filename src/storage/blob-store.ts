import type { BlobStore, StoredBlob } from '../core/storage/blob-store'
import type { KvStore } from './kv-store'
import { createLocalforageStore } from './kv-store'
import { toStorageError } from './storage-errors'

/**
 * File contents in IndexedDB (database `<name>`, one key per file holding `{ blob, putAt }`;
 * IndexedDB keeps Blobs natively). Its own database, so the record chunks' layout and write
 * path are untouched. Failures become StorageError (a full disk: 'quota').
 */
export function createIdbBlobStore(name: string, kv: KvStore = createLocalforageStore(name)): BlobStore {
  return {
    async get(key) {
      try {
        return await kv.getItem<StoredBlob>(key)
      }
      catch (err) {
        throw toStorageError(err, 'read a stored file')
      }
    },
    async set(entries) {
      try {
        for (const { key, value } of entries) await kv.setItem(key, value)
      }
      catch (err) {
        throw toStorageError(err, 'store the file')
      }
    },
    async remove(keys) {
      try {
        for (const key of keys) await kv.removeItem(key)
      }
      catch (err) {
        throw toStorageError(err, 'remove a stored file')
      }
    },
    async keys() {
      try {
        return await kv.keys()
      }
      catch (err) {
        throw toStorageError(err, 'list the stored files')
      }
    },
  }
}

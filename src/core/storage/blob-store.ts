/** File contents as stored, with the time they were written (cleanup spares other tabs' fresh uploads). */
export interface StoredBlob {
  blob: Blob
  putAt: number
}

/**
 * Key-value storage of file contents under the keys attachment and image values refer to.
 * Implementations reject with StorageError.
 */
export interface BlobStore {
  get: (key: string) => Promise<StoredBlob | null>
  set: (entries: { key: string, value: StoredBlob }[]) => Promise<void>
  remove: (keys: string[]) => Promise<void>
  keys: () => Promise<string[]>
}

/** A BlobStore kept in memory (the memory adapter's), optionally starting with `initial`. */
export function createMemoryBlobStore(initial: Iterable<[string, StoredBlob]> = []): BlobStore {
  const map = new Map<string, StoredBlob>(initial)
  return {
    get: async key => map.get(key) ?? null,
    async set(entries) {
      for (const { key, value } of entries) map.set(key, value)
    },
    async remove(keys) {
      for (const key of keys) map.delete(key)
    },
    keys: async () => [...map.keys()],
  }
}

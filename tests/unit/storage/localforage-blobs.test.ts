import { describe, expect, it } from 'vitest'
import { StorageError } from '../../../src/core/storage/adapter'
import { createIdbBlobStore } from '../../../src/storage/blob-store'
import type { KvStore } from '../../../src/storage/kv-store'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { bytesBlob, bytesOf, fileRecord, putFilesForm } from '../../fixtures/attachments'
import { describeBlobContract } from '../../fixtures/blob-contract'
import { uniqueName } from '../../fixtures/storage-contract'

describeBlobContract('localforage-adapter', name => createLocalforageAdapter({ name, broadcast: false }))

describe('localforage-adapter', () => {
  describe('createLocalforageAdapter', () => {
    it('should keep files in their own database across reopening, as Blobs', async () => {
      const name = uniqueName('lfb')
      const first = createLocalforageAdapter({ name, broadcast: false })
      await putFilesForm(first)
      await first.putBlobs([{ key: 'ka', blob: bytesBlob(5000, 2, 'image/jpeg') }])
      await first.commit({ records: { docs: { put: [fileRecord('r1', 'ka')] } } })
      await first.close()
      const again = createLocalforageAdapter({ name, broadcast: false })
      const blob = await again.getBlob('ka')
      expect(blob).toBeInstanceOf(Blob)
      expect(blob?.type).toBe('image/jpeg')
      expect(await bytesOf(blob)).toEqual(await bytesOf(bytesBlob(5000, 2)))
      expect(await createIdbBlobStore(`${name}-blobs`).keys()).toEqual(['ka'])
      await again.close()
    })
  })
})

describe('blob-store', () => {
  describe('createIdbBlobStore', () => {
    it('should report a full disk as a quota StorageError', async () => {
      const full: KvStore = {
        getItem: async () => null,
        setItem: async () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError') },
        removeItem: async () => {},
        keys: async () => [],
      }
      const err = await createIdbBlobStore('x', full).set([{ key: 'k', value: { blob: bytesBlob(1), putAt: 1 } }])
        .then(() => undefined, (e: unknown) => e)
      expect(err).toBeInstanceOf(StorageError)
      expect((err as StorageError).code).toBe('quota')
    })
  })
})

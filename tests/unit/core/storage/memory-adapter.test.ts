import { describe, expect, it } from 'vitest'
import { createMemoryAdapter } from '../../../../src/core/storage/memory-adapter'
import { StorageError } from '../../../../src/core/storage/adapter'
import { describeAdapterContract } from '../../../fixtures/storage-contract'
import { fillWorkspace, putTx, records } from '../../../fixtures/storage'

describeAdapterContract('memory-adapter', name => createMemoryAdapter({ channelName: name, now: () => 42 }))

describe('memory-adapter', () => {
  describe('createMemoryAdapter', () => {
    it('should start from a seed backup', async () => {
      const source = createMemoryAdapter({ now: () => 1 })
      await fillWorkspace(source)
      const backup = await source.exportBackup()
      const seeded = createMemoryAdapter({ seed: backup, now: () => 1 })
      expect(await seeded.exportBackup()).toEqual(backup)
    })

    it('should refuse to work after close', async () => {
      const adapter = createMemoryAdapter()
      await adapter.close()
      await expect(adapter.commit(putTx(records(1)))).rejects.toBeInstanceOf(StorageError)
    })

    it('should not share data between adapters without a channel', async () => {
      const a = createMemoryAdapter()
      const b = createMemoryAdapter()
      await a.commit(putTx(records(1)))
      await new Promise(resolve => setTimeout(resolve, 10))
      expect(await b.loadRecords('deals')).toEqual([])
    })
  })
})

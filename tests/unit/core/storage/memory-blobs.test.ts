import { describe, expect, it } from 'vitest'
import { createMemoryAdapter } from '../../../../src/core/storage/memory-adapter'
import { bytesBlob, bytesOf, fileRecord, putFilesForm } from '../../../fixtures/attachments'
import { describeBlobContract } from '../../../fixtures/blob-contract'

describeBlobContract('memory-adapter', () => createMemoryAdapter())

describe('memory-adapter', () => {
  describe('createMemoryAdapter', () => {
    it('should start with the files of its seed backup', async () => {
      const source = createMemoryAdapter()
      await putFilesForm(source)
      await source.putBlobs([{ key: 'ka', blob: bytesBlob(300, 4) }])
      await source.commit({ records: { docs: { put: [fileRecord('r1', 'ka')] } } })
      const copy = createMemoryAdapter({ seed: await source.exportBackup() })
      expect(await bytesOf(await copy.getBlob('ka'))).toEqual(await bytesOf(bytesBlob(300, 4)))
    })
  })
})

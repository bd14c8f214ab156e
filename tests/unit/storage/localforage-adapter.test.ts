import { afterEach, describe, expect, it } from 'vitest'
import type { StorageAdapter, Transaction } from '../../../src/core/storage/adapter'
import { StorageError } from '../../../src/core/storage/adapter'
import { createMemoryAdapter } from '../../../src/core/storage/memory-adapter'
import type { KvStore } from '../../../src/storage/kv-store'
import { createLocalforageStore } from '../../../src/storage/kv-store'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { describeAdapterContract, uniqueName } from '../../fixtures/storage-contract'
import { change, fillWorkspace, putTx, record, records, stageEvent } from '../../fixtures/storage'

describeAdapterContract('localforage-adapter', name => createLocalforageAdapter({ name, now: () => 42 }))

/** A store whose writes fail with `error` for keys matching `fails` while `armed`. */
function faulty(inner: KvStore, fails: (key: string) => boolean, error: () => unknown) {
  const control = { armed: true }
  const store: KvStore = {
    getItem: key => inner.getItem(key),
    setItem: async (key, value) => {
      if (control.armed && fails(key)) throw error()
      return inner.setItem(key, value)
    },
    removeItem: key => inner.removeItem(key),
    keys: () => inner.keys(),
  }
  return { store, control }
}

const crash = () => new Error('simulated crash')
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

describe('localforage-adapter', () => {
  const open: StorageAdapter[] = []
  function track(adapter: StorageAdapter): StorageAdapter {
    open.push(adapter)
    return adapter
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map(a => a.close()))
  })

  describe('createLocalforageAdapter', () => {
    it('should give the same data after reopening, in the same order as the memory adapter', async () => {
      const name = uniqueName('lf')
      const lf = track(createLocalforageAdapter({ name, chunkSize: 3, now: () => 1 }))
      const memory = createMemoryAdapter({ now: () => 1 })
      const steps: Transaction[] = [
        putTx(records(10)),
        { records: { deals: { delete: ['r0', 'r4', 'r5', 'r6'], toTrash: true } } },
        { records: { deals: { put: [record(2, { f_amount: 5 }), record(20)] } } },
        { records: { deals: { restore: ['r4'], put: [record(4)], purge: ['r5'] } } },
        { records: { deals: { delete: ['r7', 'r8'] } }, stageEvents: [stageEvent('e1', 'r1', 'won', 3)] },
        { changes: Array.from({ length: 8 }, (_, i) => change(`c${i}`, 'r1', i)) },
      ]
      for (const tx of steps) {
        await lf.commit(tx)
        await memory.commit(tx)
      }
      const expected = await memory.exportBackup()
      expect(await lf.exportBackup()).toEqual(expected)
      await lf.close()
      const reopened = track(createLocalforageAdapter({ name, chunkSize: 3, now: () => 1 }))
      expect(await reopened.exportBackup()).toEqual(expected)
    })

    it('should leave nothing applied when the write-ahead log write fails, and report a full disk', async () => {
      const name = uniqueName('lf')
      const { store: wal } = faulty(createLocalforageStore(`${name}-wal`), () => true, quota)
      // A data store without writeMany: commits go through the write-ahead log.
      const { store: data } = faulty(createLocalforageStore(name), () => false, quota)
      const adapter = track(createLocalforageAdapter({ name, stores: { data, wal } }))
      const err = await adapter.commit(putTx(records(3))).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(StorageError)
      expect((err as StorageError).code).toBe('quota')
      expect(await adapter.loadRecords('deals')).toEqual([])
      await adapter.close()
      const reopened = track(createLocalforageAdapter({ name }))
      expect(await reopened.loadRecords('deals')).toEqual([])
    })

    it('should replay the write-ahead log on open after a crash between the log and the chunk writes', async () => {
      const name = uniqueName('lf')
      const first = track(createLocalforageAdapter({ name, chunkSize: 4 }))
      await first.commit(putTx(records(10)))
      await first.close()
      const { store: data, control } = faulty(createLocalforageStore(name), key => !key.startsWith('wal:'), crash)
      const crashing = track(createLocalforageAdapter({ name, chunkSize: 4, stores: { data, wal: createLocalforageStore(`${name}-wal`) } }))
      await crashing.commit({
        records: { deals: { put: [record(1, { f_amount: 9 }), record(10)], delete: ['r2', 'r5'], toTrash: true } },
        stageEvents: [stageEvent('e1', 'r1', 'won', 1)],
      })
      expect(await createLocalforageStore(`${name}-wal`).keys()).toHaveLength(1)
      control.armed = false
      await crashing.close()
      const reopened = track(createLocalforageAdapter({ name, chunkSize: 4 }))
      const ids = (await reopened.loadRecords('deals')).map(r => r.id)
      expect(ids).toEqual(['r0', 'r1', 'r3', 'r4', 'r6', 'r7', 'r8', 'r9', 'r10'])
      expect((await reopened.loadRecords('deals'))[1]?.values.f_amount).toBe(9)
      expect((await reopened.loadTrash('deals')).map(r => r.id)).toEqual(['r2', 'r5'])
      expect(await reopened.loadStageEvents('deals', 'r1')).toHaveLength(1)
      expect(await createLocalforageStore(`${name}-wal`).keys()).toEqual([])
    })

    it('should keep binned rows when a crash wrote the live chunk but not the bin chunk', async () => {
      const name = uniqueName('lf')
      const first = track(createLocalforageAdapter({ name }))
      await first.commit(putTx(records(3)))
      await first.close()
      const { store: data } = faulty(createLocalforageStore(name), key => key.startsWith('trash:'), crash)
      const crashing = track(createLocalforageAdapter({ name, stores: { data, wal: createLocalforageStore(`${name}-wal`) } }))
      await crashing.commit({ records: { deals: { delete: ['r1'], toTrash: true } } })
      await crashing.close()
      const reopened = track(createLocalforageAdapter({ name }))
      expect((await reopened.loadRecords('deals')).map(r => r.id)).toEqual(['r0', 'r2'])
      expect((await reopened.loadTrash('deals')).map(r => r.id)).toEqual(['r1'])
    })

    it('should not overwrite another tab\'s commit it has not heard of', async () => {
      const name = uniqueName('lf')
      const tabA = track(createLocalforageAdapter({ name, broadcast: false }))
      const tabB = track(createLocalforageAdapter({ name, broadcast: false }))
      await tabA.loadRecords('deals')
      await tabB.loadRecords('deals')
      await tabB.commit(putTx([record(1)]))
      await tabA.commit(putTx([record(2)]))
      expect((await tabA.loadRecords('deals')).map(r => r.id)).toEqual(['r1', 'r2'])
      const reopened = track(createLocalforageAdapter({ name }))
      expect((await reopened.loadRecords('deals')).map(r => r.id)).toEqual(['r1', 'r2'])
    })

    it('should replace everything with an imported backup, also after reopening', async () => {
      const source = track(createMemoryAdapter({ now: () => 1 }))
      await fillWorkspace(source)
      const backup = await source.exportBackup()
      const name = uniqueName('lf')
      const adapter = track(createLocalforageAdapter({ name, now: () => 1 }))
      await adapter.commit(putTx(records(5), 'gone'))
      await adapter.importBackup(backup)
      await adapter.close()
      const reopened = track(createLocalforageAdapter({ name, now: () => 1 }))
      expect(await reopened.exportBackup()).toEqual(backup)
    })

    it('should report a browser without storage as unavailable', async () => {
      const none = (): Promise<never> => Promise.reject(new Error('No available storage method found.'))
      const store: KvStore = { getItem: none, setItem: none, removeItem: none, keys: none }
      const adapter = track(createLocalforageAdapter({ name: uniqueName('lf'), stores: { data: store, wal: store } }))
      const err = await adapter.loadDefinitions().catch((e: unknown) => e)
      expect((err as StorageError).code).toBe('unavailable')
    })
  })
})

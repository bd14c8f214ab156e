import { afterEach, describe, expect, it } from 'vitest'
import type { StorageAdapter } from '../../../src/core/storage/adapter'
import { StorageError } from '../../../src/core/storage/adapter'
import type { KvStore } from '../../../src/storage/kv-store'
import { createLocalforageStore } from '../../../src/storage/kv-store'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { uniqueName } from '../../fixtures/storage-contract'
import { putTx, record, records, stageEvent, withWriteMany } from '../../fixtures/storage'

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

/** The real store, with writeMany failing while `armed`. */
function failingWriteMany(name: string) {
  const inner = createLocalforageStore(name)
  const control = { armed: true, calls: 0 }
  const store: KvStore = withWriteMany(inner, async (sets, removes) => {
    control.calls++
    if (control.armed) throw quota()
    return inner.writeMany!(sets, removes)
  })
  return { store, control }
}

describe('kv-store', () => {
  describe('writeMany', () => {
    it('should store nothing of a write whose value cannot be stored, though the keys before it could', async () => {
      const kv = createLocalforageStore(uniqueName('kv'))
      await kv.setItem('a', 1)
      const err = await kv.writeMany!(new Map<string, unknown>([['b', [2]], ['c', { f: () => 3 }]]), ['a']).catch((e: unknown) => e)
      expect((err as Error).name).toBe('DataCloneError')
      expect((await kv.keys()).sort()).toEqual(['a'])
    })

    it('should put and remove keys together, leaving keys it does not name', async () => {
      const kv = createLocalforageStore(uniqueName('kv'))
      await kv.setItem('a', 1)
      await kv.setItem('b', 2)
      await kv.writeMany!(new Map<string, unknown>([['c', [3]], ['b', 'two']]), ['a', 'b'])
      expect((await kv.keys()).sort()).toEqual(['b', 'c'])
      expect(await kv.getItem('b')).toBe('two')
      expect(await kv.getItem('c')).toEqual([3])
    })
  })
})

describe('localforage-adapter', () => {
  const open: StorageAdapter[] = []
  const track = (a: StorageAdapter): StorageAdapter => {
    open.push(a)
    return a
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map(a => a.close()))
  })

  describe('commit in one IndexedDB transaction', () => {
    it('should write no write-ahead log entry and keep every record, event and chunk after reopening', async () => {
      const name = uniqueName('lf')
      const adapter = track(createLocalforageAdapter({ name, chunkSize: 4 }))
      await adapter.commit({ ...putTx(records(10)), stageEvents: [stageEvent('e1', 'r1', 'won', 1)] })
      await adapter.commit({ records: { deals: { put: [record(3, { f_amount: 7 })], delete: ['r0'], toTrash: true } } })
      expect(await createLocalforageStore(`${name}-wal`).keys()).toEqual([])
      await adapter.close()
      const reopened = track(createLocalforageAdapter({ name, chunkSize: 4 }))
      expect((await reopened.loadRecords('deals')).map(r => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9'])
      expect((await reopened.loadRecords('deals'))[2]?.values.f_amount).toBe(7)
      expect((await reopened.loadTrash('deals')).map(r => r.id)).toEqual(['r0'])
      expect(await reopened.loadStageEvents('deals', 'r1')).toHaveLength(1)
    })

    it('should leave nothing of a failed batch, in memory or stored, and report a full disk', async () => {
      const name = uniqueName('lf')
      const { store, control } = failingWriteMany(name)
      const adapter = track(createLocalforageAdapter({ name, stores: { data: store, wal: createLocalforageStore(`${name}-wal`) } }))
      control.armed = false
      await adapter.commit(putTx(records(3)))
      control.armed = true
      const err = await adapter.commit({ ...putTx(records(5, 3)), stageEvents: [stageEvent('e1', 'r4', 'won', 1)] }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(StorageError)
      expect((err as StorageError).code).toBe('quota')
      expect((await adapter.loadRecords('deals')).map(r => r.id)).toEqual(['r0', 'r1', 'r2'])
      expect(await adapter.loadStageEvents('deals', 'r4')).toEqual([])
      control.armed = false
      await adapter.commit(putTx([record(9)]))
      await adapter.close()
      const reopened = track(createLocalforageAdapter({ name }))
      expect((await reopened.loadRecords('deals')).map(r => r.id)).toEqual(['r0', 'r1', 'r2', 'r9'])
      expect(control.calls).toBe(3)
    })
  })
})

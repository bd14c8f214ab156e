import { afterEach, describe, expect, it } from 'vitest'
import type { StorageAdapter, Transaction } from '../../../src/core/storage/adapter'
import { createMemoryAdapter } from '../../../src/core/storage/memory-adapter'
import type { KvStore } from '../../../src/storage/kv-store'
import { createLocalforageStore } from '../../../src/storage/kv-store'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { uniqueName } from '../../fixtures/storage-contract'
import { change, eventually, putTx, record, records, stageEvent } from '../../fixtures/storage'

/** A data store that records which keys were read. */
function counting(inner: KvStore): { store: KvStore, reads: string[] } {
  const reads: string[] = []
  const store: KvStore = {
    getItem: (key) => {
      reads.push(key)
      return inner.getItem(key)
    },
    setItem: (key, value) => inner.setItem(key, value),
    removeItem: key => inner.removeItem(key),
    keys: () => inner.keys(),
  }
  return { store, reads }
}

const events = (from: number, n: number): Transaction['stageEvents'] =>
  Array.from({ length: n }, (_, i) => stageEvent(`e${from + i}`, `r${(from + i) % 5}`, 'won', from + i))
const changes = (from: number, n: number): Transaction['changes'] =>
  Array.from({ length: n }, (_, i) => change(`c${from + i}`, 'r1', from + i))

/** Ten records with 10 stage events and 7 change entries, in chunks of 3. */
async function seeded(name: string): Promise<void> {
  const adapter = createLocalforageAdapter({ name, chunkSize: 3, broadcast: false })
  await adapter.commit({ ...putTx(records(10)), stageEvents: events(0, 10), changes: changes(0, 7) })
  await adapter.close()
}

describe('localforage-adapter (lazy stage events and change log)', () => {
  const open: StorageAdapter[] = []
  function track(adapter: StorageAdapter): StorageAdapter {
    open.push(adapter)
    return adapter
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map(a => a.close()))
  })
  function reopen(name: string, store?: KvStore, broadcast = false): StorageAdapter {
    const stores = store ? { data: store, wal: createLocalforageStore(`${name}-wal`) } : undefined
    return track(createLocalforageAdapter({ name, chunkSize: 3, broadcast, stores }))
  }

  describe('loadRecords', () => {
    it('should not read stage events or the change log when a form opens', async () => {
      const name = uniqueName('lazy')
      await seeded(name)
      const { store, reads } = counting(createLocalforageStore(name))
      const adapter = reopen(name, store)
      expect(await adapter.loadRecords('deals')).toHaveLength(10)
      expect(reads.filter(k => k.startsWith('ev:') || k.startsWith('chg:'))).toEqual([])
      expect((await adapter.loadStageEvents('deals')).map(e => e.id)).toEqual(events(0, 10)!.map(e => e.id))
      expect(reads.filter(k => k.startsWith('ev:'))).toHaveLength(4)
      expect((await adapter.loadChanges('deals', 'r1')).map(c => c.id)).toEqual(changes(0, 7)!.map(c => c.id))
    })

    it('should read the whole change log once for a field\'s changes across the form', async () => {
      const name = uniqueName('lazy')
      await seeded(name)
      const { store, reads } = counting(createLocalforageStore(name))
      const adapter = reopen(name, store)
      expect(await adapter.loadRecords('deals')).toHaveLength(10)
      expect((await adapter.loadFieldChanges('deals', 'f_amount')).map(c => c.id)).toEqual(changes(0, 7)!.map(c => c.id))
      const chunks = reads.filter(k => k.startsWith('chg:')).length
      expect(chunks).toBeGreaterThan(0)
      await adapter.loadFieldChanges('deals', 'f_amount')
      expect(reads.filter(k => k.startsWith('chg:'))).toHaveLength(chunks)
    })

    it('should hand out rows that cannot be edited, so the stored data stays as saved', async () => {
      const name = uniqueName('lazy')
      await seeded(name)
      const adapter = reopen(name)
      const rows = await adapter.loadRecords('deals')
      expect(() => { rows[0]!.values.f_amount = 5 }).toThrow(TypeError)
      expect(() => { (rows[0] as { rev: number }).rev = 9 }).toThrow(TypeError)
      expect((await adapter.loadRecords('deals'))[0]!.values.f_amount).toBe(100)
    })
  })

  describe('commit', () => {
    it('should append events and changes after reading only the last chunk, keeping every stored one', async () => {
      const name = uniqueName('lazy')
      await seeded(name)
      const memory = track(createMemoryAdapter({ now: () => 1 }))
      await memory.commit({ ...putTx(records(10)), stageEvents: events(0, 10), changes: changes(0, 7) })
      const { store, reads } = counting(createLocalforageStore(name))
      const adapter = reopen(name, store)
      await adapter.loadRecords('deals')
      const steps: Transaction[] = [
        { records: { deals: { put: [record(1, { f_amount: 7 })] } }, stageEvents: events(10, 4), changes: changes(7, 1) },
        putTx([record(11)]),
        { changes: changes(8, 5) },
      ]
      for (const tx of steps) {
        await adapter.commit(tx)
        await memory.commit(tx)
      }
      // Stage events: chunks 0..3 stored, only the last one (3) read to append.
      expect(reads.filter(k => k.startsWith('ev:'))).toEqual(['ev:deals:3'])
      expect(reads.filter(k => k.startsWith('chg:'))).toEqual(['chg:deals:2'])
      const expected = { ...await memory.exportBackup(), exportedAt: 0 }
      await adapter.close()
      const fresh = reopen(name)
      expect((await fresh.loadStageEvents('deals')).map(e => e.id)).toEqual(events(0, 14)!.map(e => e.id))
      expect({ ...await fresh.exportBackup(), exportedAt: 0 }).toEqual(expected)
    })

    it('should remove the unread event chunks of a dropped form', async () => {
      const name = uniqueName('lazy')
      await seeded(name)
      const adapter = reopen(name)
      await adapter.loadRecords('deals')
      await adapter.commit({ dropForms: ['deals'] })
      expect((await createLocalforageStore(name).keys()).filter(k => k.includes('deals'))).toEqual([])
    })
  })

  describe('onExternalChange', () => {
    it('should keep both tabs\' stage events when another tab appends while this one holds only the last chunk', async () => {
      const name = uniqueName('lazy')
      await seeded(name)
      const tabA = reopen(name, undefined, true)
      const tabB = reopen(name, undefined, true)
      await tabA.loadRecords('deals')
      await tabB.loadRecords('deals')
      await tabA.commit({ stageEvents: events(10, 1), changes: changes(7, 1) })
      let heard = 0
      tabA.onExternalChange(() => { heard += 1 })
      await tabB.commit({ records: { deals: { put: [record(2, { f_amount: 3 })] } }, stageEvents: events(11, 3), changes: changes(8, 1) })
      await eventually(() => expect(heard).toBe(1))
      await tabA.commit({ stageEvents: events(14, 1), changes: changes(9, 1) })
      expect((await tabA.loadRecords('deals'))[2]!.values.f_amount).toBe(3)
      const ids = events(0, 15)!.map(e => e.id)
      expect((await tabA.loadStageEvents('deals')).map(e => e.id)).toEqual(ids)
      const third = reopen(name)
      expect((await third.loadStageEvents('deals')).map(e => e.id)).toEqual(ids)
      expect((await third.loadChanges('deals', 'r1')).map(c => c.id)).toEqual(changes(0, 10)!.map(c => c.id))
    })
  })
})

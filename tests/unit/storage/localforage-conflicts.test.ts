import { afterEach, describe, expect, it } from 'vitest'
import type { RecordRow } from '../../../src/core/schema/types'
import type { ExternalChange, StorageAdapter, Transaction } from '../../../src/core/storage/adapter'
import type { RecordConflict } from '../../../src/core/storage/conflicts'
import { freezeTransaction } from '../../../src/core/storage/clone'
import { withLock } from '../../../src/storage/commit-lock'
import { createLocalforageStore } from '../../../src/storage/kv-store'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { claimOwner } from '../../../src/storage/owners'
import type { WalEntry } from '../../../src/storage/wal'
import { nextWalKey } from '../../../src/storage/wal'
import { uniqueName } from '../../fixtures/storage-contract'
import { eventually, putTx, record } from '../../fixtures/storage'

/**
 * A tab as the records store runs it: shows its own change at once, then commits; shows
 * every change the adapter reports. `screen` is what the grid would draw.
 */
function tab(adapter: StorageAdapter) {
  const screen = new Map<string, RecordRow>()
  const told: RecordConflict[] = []
  const show = (tx: Transaction) => {
    for (const row of tx.records?.deals?.put ?? []) screen.set(row.id, row)
  }
  adapter.onExternalChange((change: ExternalChange) => {
    show(change.tx)
    told.push(...change.overwritten ?? [])
  })
  return {
    adapter,
    screen,
    told,
    async load() {
      for (const row of await adapter.loadRecords('deals')) screen.set(row.id, row)
    },
    /** Edits r1's name from what this tab shows. */
    edit(name: string): Promise<void> {
      const old = screen.get('r1')!
      const tx = putTx([{ ...old, values: { ...old.values, f_name: name }, rev: old.rev + 1 }])
      show(tx)
      return adapter.commit(tx)
    },
  }
}

describe('localforage-adapter', () => {
  const open: StorageAdapter[] = []
  const track = (a: StorageAdapter): StorageAdapter => {
    open.push(a)
    return a
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map(a => a.close()))
  })

  describe('two tabs editing one cell at the same moment', () => {
    it('should end every round with both tabs showing what storage holds, and tell the tab that lost', async () => {
      const name = uniqueName('lf')
      const a = tab(track(createLocalforageAdapter({ name })))
      const b = tab(track(createLocalforageAdapter({ name })))
      await a.adapter.commit(putTx([record(1)]))
      await a.load()
      await eventually(async () => {
        await b.load()
        expect(b.screen.get('r1')).toBeDefined()
      })
      for (let round = 0; round < 20; round++) {
        const told = a.told.length + b.told.length
        // Alternate who asks first: the Web Lock decides who lands last.
        const first = round % 2 ? a : b
        const second = round % 2 ? b : a
        await Promise.all([first.edit(`first ${round}`), second.edit(`second ${round}`)])
        const reopened = track(createLocalforageAdapter({ name }))
        const stored = (await reopened.loadRecords('deals'))[0]!
        await reopened.close()
        await eventually(() => {
          expect(a.screen.get('r1')).toEqual(stored)
          expect(b.screen.get('r1')).toEqual(stored)
          expect(a.told.length + b.told.length).toBe(told + 1)
        })
        const loser = stored.values.f_name === `first ${round}` ? second : first
        expect(loser.told.at(-1)).toMatchObject({ formId: 'deals', recordId: 'r1', rev: stored.rev, fields: ['f_name'] })
      }
    })
  })

  describe('write-ahead log entries written before the lock', () => {
    /** An open adapter, its WAL store, and its commit lock held by the test until `release`. */
    async function lockedAdapter() {
      const name = uniqueName('lf')
      const adapter = track(createLocalforageAdapter({ name }))
      await adapter.loadRecords('deals')
      const wal = createLocalforageStore(`${name}-wal`)
      let release = () => {}
      const held = withLock(name, () => new Promise<void>((resolve) => {
        release = resolve
      }))
      return { adapter, wal, release: () => release(), held }
    }

    it('should store a commit\'s entry while it waits for the lock, and remove it once it landed', async () => {
      const { adapter, wal, release, held } = await lockedAdapter()
      const committed = adapter.commit(putTx([record(1)]))
      await eventually(async () => expect(await wal.keys()).toHaveLength(1))
      const entry = await wal.getItem<WalEntry>((await wal.keys())[0]!)
      expect(entry).toMatchObject({ kind: 'tx', intent: true, tx: putTx([record(1)]) })
      release()
      await held
      await committed
      expect(await wal.keys()).toEqual([])
    })

    it('should write no entry for an import batch (its records frozen), which its import resumes from the file', async () => {
      const { adapter, wal, release, held } = await lockedAdapter()
      // The batch first: IndexedDB writes in order, so once the edit's entry is there, a batch's would be too.
      const batch = adapter.commit(freezeTransaction(putTx([record(2), record(3)])))
      const edit = adapter.commit(putTx([record(1)]))
      await eventually(async () => expect(await wal.keys()).not.toHaveLength(0))
      const keys = await wal.keys()
      expect(keys).toHaveLength(1)
      expect(await wal.getItem<WalEntry>(keys[0]!)).toMatchObject({ tx: putTx([record(1)]) })
      release()
      await held
      await Promise.all([edit, batch])
      expect((await adapter.loadRecords('deals')).map(r => r.id).sort()).toEqual(['r1', 'r2', 'r3'])
      expect(await wal.keys()).toEqual([])
    })

    it('should replay the entry of a tab that is gone, and leave alone the entry of a tab that is alive', async () => {
      const name = uniqueName('lf')
      const wal = createLocalforageStore(`${name}-wal`)
      const other = claimOwner()
      const key = nextWalKey(other.id)
      await wal.setItem(key, { kind: 'tx', tx: putTx([record(1)]), binned: {}, intent: true } satisfies WalEntry)
      const adapter = track(createLocalforageAdapter({ name }))
      expect(await adapter.loadRecords('deals')).toEqual([])
      expect(await wal.keys()).toEqual([key])
      other.release()
      await adapter.commit(putTx([record(2)]))
      expect((await adapter.loadRecords('deals')).map(r => r.id)).toEqual(['r1', 'r2'])
      expect(await wal.keys()).toEqual([])
    })

    it('should replay nothing of an entry that already landed or would have been refused', async () => {
      const name = uniqueName('lf')
      const first = track(createLocalforageAdapter({ name }))
      await first.commit(putTx([record(1, { f_name: 'kept' })]))
      await first.close()
      const wal = createLocalforageStore(`${name}-wal`)
      const gone = 'gone0000'
      await wal.setItem(nextWalKey(gone), { kind: 'tx', tx: putTx([record(1, { f_name: 'kept' })]), binned: {}, intent: true } satisfies WalEntry)
      await wal.setItem(nextWalKey(gone), { kind: 'tx', tx: { records: { deals: { delete: ['r9'] } } }, binned: {}, intent: true } satisfies WalEntry)
      const reopened = track(createLocalforageAdapter({ name }))
      const seen: ExternalChange[] = []
      reopened.onExternalChange(c => seen.push(c))
      expect(await reopened.loadRecords('deals')).toEqual([record(1, { f_name: 'kept' })])
      expect(await wal.keys()).toEqual([])
    })

    it('should leave no entry for a commit that is refused', async () => {
      const name = uniqueName('lf')
      const adapter = track(createLocalforageAdapter({ name }))
      const err = await adapter.commit({ records: { deals: { delete: ['nope'] } } }).catch((e: unknown) => e)
      expect((err as { code?: string }).code).toBe('invalid')
      expect(await createLocalforageStore(`${name}-wal`).keys()).toEqual([])
    })
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ExternalChange, StorageAdapter } from '../../../src/core/storage/adapter'
import { createLocalforageAdapter, POST_CHECK_MIN_ITEMS } from '../../../src/storage/localforage-adapter'
import { uniqueName } from '../../fixtures/storage-contract'
import { eventually, form, putTx, records } from '../../fixtures/storage'

/** Counts what adapters post on their BroadcastChannel. */
function spyPosts() {
  const posted: unknown[] = []
  const spy = vi.spyOn(BroadcastChannel.prototype, 'postMessage').mockImplementation(function (this: BroadcastChannel, msg: unknown) {
    posted.push(msg)
  })
  return { posted, restore: () => spy.mockRestore() }
}

describe('localforage-adapter: telling other tabs', () => {
  const open: StorageAdapter[] = []
  const track = (a: StorageAdapter): StorageAdapter => {
    open.push(a)
    return a
  }
  afterEach(async () => {
    vi.unstubAllGlobals()
    await Promise.all(open.splice(0).map(a => a.close()))
  })

  it('should not post an import-sized commit when no other tab is alive, and still post an edit', async () => {
    const a = track(createLocalforageAdapter({ name: uniqueName('bc') }))
    await a.commit({ defs: { put: [{ kind: 'form', doc: form('deals') }] } })
    const spy = spyPosts()
    try {
      await a.commit(putTx(records(POST_CHECK_MIN_ITEMS)))
      expect(spy.posted).toHaveLength(0)
      await a.commit(putTx(records(1, POST_CHECK_MIN_ITEMS)))
      expect(spy.posted).toHaveLength(1)
    }
    finally {
      spy.restore()
    }
  })

  it('should post it when another tab holds or has just asked for its owner lock', async () => {
    for (const other of [{ held: [{ name: 'funnelgrid-owner:other' }] }, { pending: [{ name: 'funnelgrid-owner:other' }] }]) {
      // A lock manager that grants every lock at once (one tab: no contention) and lists the other tab's owner.
      vi.stubGlobal('navigator', { locks: { request: (_name: string, callback: () => Promise<unknown>) => callback(), query: async () => other } })
      const a = track(createLocalforageAdapter({ name: uniqueName('bc') }))
      await a.commit({ defs: { put: [{ kind: 'form', doc: form('deals') }] } })
      const spy = spyPosts()
      try {
        await a.commit(putTx(records(POST_CHECK_MIN_ITEMS)))
        expect(spy.posted).toHaveLength(1)
      }
      finally {
        spy.restore()
      }
      vi.unstubAllGlobals()
    }
  })

  it('should show an import batch in another adapter instance of the page, which is alive', async () => {
    const name = uniqueName('bc')
    const a = track(createLocalforageAdapter({ name }))
    const b = track(createLocalforageAdapter({ name }))
    await a.commit({ defs: { put: [{ kind: 'form', doc: form('deals') }] } })
    await b.loadRecords('deals')
    const seen: ExternalChange[] = []
    b.onExternalChange(c => seen.push(c))
    await a.commit(putTx(records(POST_CHECK_MIN_ITEMS)))
    await eventually(() => {
      expect(seen.flatMap(c => c.tx.records?.deals?.put ?? [])).toHaveLength(POST_CHECK_MIN_ITEMS)
    })
    expect((await b.loadRecords('deals')).length).toBe(POST_CHECK_MIN_ITEMS)
  })
})

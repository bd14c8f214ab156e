import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ExternalChange } from '../../../src/core/storage/adapter'
import { createLocalforageAdapter, POST_CHECK_MIN_ITEMS } from '../../../src/storage/localforage-adapter'
import { uniqueName } from '../../fixtures/storage-contract'
import { closedAfterEach, eventually, form, putTx, records } from '../../fixtures/storage'

/** How many messages adapters post on their BroadcastChannel while `run` runs. */
async function postsDuring(run: () => Promise<void>): Promise<number> {
  let posted = 0
  const spy = vi.spyOn(BroadcastChannel.prototype, 'postMessage').mockImplementation(() => {
    posted++
  })
  try {
    await run()
  }
  finally {
    spy.mockRestore()
  }
  return posted
}

describe('localforage-adapter: telling other tabs', () => {
  const track = closedAfterEach()
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('should not post an import-sized commit when no other tab is alive, and still post an edit', async () => {
    const a = track(createLocalforageAdapter({ name: uniqueName('bc') }))
    await a.commit({ defs: { put: [{ kind: 'form', doc: form('deals') }] } })
    expect(await postsDuring(() => a.commit(putTx(records(POST_CHECK_MIN_ITEMS))))).toBe(0)
    expect(await postsDuring(() => a.commit(putTx(records(1, POST_CHECK_MIN_ITEMS))))).toBe(1)
  })

  it('should post it when another tab holds or has just asked for its owner lock', async () => {
    for (const other of [{ held: [{ name: 'funnelgrid-owner:other' }] }, { pending: [{ name: 'funnelgrid-owner:other' }] }]) {
      // A lock manager that grants every lock at once (one tab: no contention) and lists the other tab's owner.
      vi.stubGlobal('navigator', { locks: { request: (_name: string, callback: () => Promise<unknown>) => callback(), query: async () => other } })
      const a = createLocalforageAdapter({ name: uniqueName('bc') })
      await a.commit({ defs: { put: [{ kind: 'form', doc: form('deals') }] } })
      expect(await postsDuring(() => a.commit(putTx(records(POST_CHECK_MIN_ITEMS))))).toBe(1)
      // Closed before the next case: this page's own instances count as alive too.
      await a.close()
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

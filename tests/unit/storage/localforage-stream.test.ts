import { afterEach, describe, expect, it } from 'vitest'
import type { RecordRow } from '../../../src/core/schema/types'
import type { LoadProgress, StorageAdapter } from '../../../src/core/storage/adapter'
import { createLocalforageStore } from '../../../src/storage/kv-store'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { FIRST_SLICE_CHUNKS, manifestKey, SLICE_CHUNKS } from '../../../src/storage/form-layout'
import type { FormManifest } from '../../../src/storage/form-layout'
import { uniqueName } from '../../fixtures/storage-contract'
import { putTx, records } from '../../fixtures/storage'

/** What a streamed open handed out: each slice's ids and progress. */
interface Slice { ids: string[], progress: LoadProgress }

describe('localforage-adapter (streamed open)', () => {
  const open: StorageAdapter[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map(a => a.close()))
  })
  const adapter = (name: string) => {
    const a = createLocalforageAdapter({ name, chunkSize: 10, broadcast: false })
    open.push(a)
    return a
  }
  async function seeded(n: number): Promise<string> {
    const name = uniqueName('stream')
    const a = createLocalforageAdapter({ name, chunkSize: 10, broadcast: false })
    await a.commit(putTx(records(n)))
    await a.close()
    return name
  }
  const streamed = async (a: StorageAdapter): Promise<{ slices: Slice[], rows: RecordRow[] }> => {
    const slices: Slice[] = []
    const rows = await a.loadRecords('deals', { onRows: (list, progress) => slices.push({ ids: list.map(r => r.id), progress: { ...progress } }) })
    return { slices, rows }
  }

  it('should hand out the first chunk alone, then slices in insertion order, every record once, with the count stored', async () => {
    const n = 10 * (FIRST_SLICE_CHUNKS + SLICE_CHUNKS + 3) + 4
    const { slices, rows } = await streamed(adapter(await seeded(n)))
    expect(slices[0]!.ids).toHaveLength(10 * FIRST_SLICE_CHUNKS)
    expect(slices[0]!.progress).toEqual({ loaded: 10 * FIRST_SLICE_CHUNKS, total: n })
    expect(slices[1]!.ids).toHaveLength(10 * SLICE_CHUNKS)
    expect(slices.flatMap(s => s.ids)).toEqual(records(n).map(r => r.id))
    expect(rows.map(r => r.id)).toEqual(records(n).map(r => r.id))
    expect(slices.at(-1)!.progress).toEqual({ loaded: n, total: n })
    // Rows are the adapter's own, frozen (as loadRecords hands them out).
    expect(Object.isFrozen(rows[0])).toBe(true)
  })

  it('should estimate the total from the chunk count for a manifest written before the count, never below what was read', async () => {
    const name = await seeded(25)
    const kv = createLocalforageStore(name)
    const manifest = (await kv.getItem<FormManifest>(manifestKey('deals')))!
    expect(manifest.records).toBe(25)
    delete manifest.records
    await kv.setItem(manifestKey('deals'), manifest)
    const { slices } = await streamed(adapter(name))
    expect(slices[0]!.progress).toEqual({ loaded: 10, total: 30 })
    expect(slices.at(-1)!.progress).toEqual({ loaded: 25, total: 25 })
  })

  it('should not stream a form already in memory (the caller takes the list)', async () => {
    const a = adapter(await seeded(15))
    expect(await a.loadRecords('deals')).toHaveLength(15)
    const { slices, rows } = await streamed(a)
    expect(slices).toEqual([])
    expect(rows).toHaveLength(15)
  })

  it('should land an edit committed during the streamed open after the read, and keep it across a reopen', async () => {
    const name = await seeded(40)
    const a = adapter(name)
    let committed: Promise<void> | undefined
    await a.loadRecords('deals', {
      onRows: (list) => {
        if (committed) return
        const r = list[0]!
        committed = a.commit({ records: { deals: { put: [{ ...r, values: { ...r.values, f_name: 'edited while loading' }, rev: r.rev + 1 }] } } })
      },
    })
    await committed
    await a.close()
    const b = adapter(name)
    const rows = await b.loadRecords('deals')
    expect(rows[0]!.values.f_name).toBe('edited while loading')
    expect(rows).toHaveLength(40)
  })
})

/** Writes the bench dataset into IndexedDB (untimed set-up): definitions through the adapter, records and events straight into the stored layout. */
import type { FormDef } from '@/core/schema/types'
import { DEFAULT_CHUNK_SIZE, createLocalforageAdapter } from '@/storage/localforage-adapter'
import type { FormManifest } from '@/storage/form-layout'
import { chunkKey, manifestKey } from '@/storage/form-layout'
import { createLocalforageStore } from '@/storage/kv-store'
import { encodeRecordChunk } from '@/core/storage/record-chunk'
import { OPP_FORM } from '../lib/data'
import { pageData, SETTINGS } from './page-data'

/** Chunks put per IndexedDB transaction. */
const CHUNKS_PER_WRITE = 50

/**
 * Seeds database `name` with `size` opportunities and their stage events. The settings and
 * the form go through the adapter (its definition keys); the records and events are written
 * as the adapter lays out a form it wrote in insertion order (DEFAULT_CHUNK_SIZE per chunk
 * key, records as columns, and a manifest listing them, src/storage/form-layout.ts), CHUNKS_PER_WRITE chunks per
 * transaction: committing 1M records and 4.3M events through the adapter, which keeps a copy
 * of everything it writes, took minutes and most of the page's heap. Checked by reading it
 * back through the adapter (record count).
 */
export async function seed(name: string, size: number): Promise<{ records: number, events: number }> {
  const ds = pageData(size)
  const adapter = createLocalforageAdapter({ name, broadcast: false })
  await adapter.loadDefinitions()
  await adapter.commit({ settings: SETTINGS, defs: { put: [{ kind: 'form', doc: ds.form as FormDef }] } })
  await adapter.close()
  const kv = createLocalforageStore(name)
  if (!kv.writeMany) throw new Error('the IndexedDB store has no writeMany')
  const write = async (prefix: 'rec' | 'ev', list: readonly unknown[]): Promise<number[]> => {
    const numbers: number[] = []
    let sets = new Map<string, unknown>()
    for (let i = 0; i * DEFAULT_CHUNK_SIZE < list.length; i++) {
      const part = list.slice(i * DEFAULT_CHUNK_SIZE, (i + 1) * DEFAULT_CHUNK_SIZE)
      // Records as the adapter writes them (columns, layout 3); the events as layout 1 did (the adapter reads both).
      sets.set(chunkKey(prefix, OPP_FORM, i), prefix === 'rec' ? encodeRecordChunk(part as typeof ds.records) : part)
      numbers.push(i)
      if (sets.size >= CHUNKS_PER_WRITE) {
        await kv.writeMany!(sets, [])
        sets = new Map()
      }
    }
    if (sets.size) await kv.writeMany!(sets, [])
    return numbers
  }
  const rec = await write('rec', ds.records)
  const ev = await write('ev', ds.events)
  const manifest: FormManifest = { version: 1, chunks: { rec, trash: [], ev, chg: [] }, records: ds.records.length }
  await kv.writeMany(new Map([[manifestKey(OPP_FORM), manifest]]), [])
  const check = createLocalforageAdapter({ name, broadcast: false })
  const stored = (await check.loadRecords(OPP_FORM)).length
  await check.close()
  if (stored !== ds.records.length) throw new Error(`seeded ${stored} of ${ds.records.length} records`)
  return { records: ds.records.length, events: ds.events.length }
}

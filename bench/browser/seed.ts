/** Writes the bench dataset into IndexedDB through the product adapter (untimed set-up). */
import type { FormDef, StageEvent } from '@/core/schema/types'
import { createLocalforageAdapter } from '@/storage/localforage-adapter'
import { OPP_FORM } from '../lib/data'
import { pageData, SETTINGS } from './page-data'

const BATCH = 20_000

/** Seeds database `name` with `size` opportunities and their stage events. */
export async function seed(name: string, size: number): Promise<{ records: number, events: number }> {
  const ds = pageData(size)
  const adapter = createLocalforageAdapter({ name, broadcast: false })
  await adapter.loadDefinitions()
  await adapter.commit({ settings: SETTINGS, defs: { put: [{ kind: 'form', doc: ds.form as FormDef }] } })
  const batchOf = new Map<string, number>()
  ds.records.forEach((r, i) => batchOf.set(r.id, Math.floor(i / BATCH)))
  const events: StageEvent[][] = []
  for (const e of ds.events) (events[batchOf.get(e.recordId) ?? 0] ??= []).push(e)
  for (let b = 0; b * BATCH < ds.records.length; b++) {
    const put = ds.records.slice(b * BATCH, (b + 1) * BATCH)
    await adapter.commit({ records: { [OPP_FORM]: { put } }, stageEvents: events[b] ?? [] })
  }
  await adapter.close()
  return { records: ds.records.length, events: ds.events.length }
}

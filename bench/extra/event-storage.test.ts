/**
 * Stage events in IndexedDB (issue 17 part 3): stored size and read-back time of one form's
 * events, as chunks of event objects (layout 1) and as chunks of columns (layout 2). Run with
 *   FG_BENCH_RECORDS=250000 npx vitest run --config bench/vitest.bench.config.ts bench/extra/event-storage.test.ts
 * (250k opportunities = about 1M events). With FG_BASE_SRC=<a checkout's src> the layout-1
 * read-back is also timed through that checkout's adapter (what main did before: loadStageEvents
 * objects, then the history store's appendColumns). Sizes are V8's serialization of each
 * value, which is what Chromium's IndexedDB stores (before compression); fake-indexeddb here.
 */
import { serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { appendColumns, EMPTY_COLUMNS, encodeEventChunk } from '../../src/core/events'
import type { RecordRow, StageEvent } from '../../src/core/schema/types'
import type { StorageAdapter } from '../../src/core/storage/adapter'
import { generateOpportunities } from '../../src/core/template/demo/fast'
import { createLocalforageStore } from '../../src/storage/kv-store'
import { LAYOUT_KEY } from '../../src/storage/layout-migration'
import { createLocalforageAdapter } from '../../src/storage/localforage-adapter'
import { uniqueName } from '../../tests/fixtures/storage-contract'

const CHUNK = 1000
const COUNT = Number(process.env.FG_BENCH_RECORDS ?? 250_000)

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now()
  const result = await fn()
  return [Math.round(performance.now() - start), result]
}

/** Writes a form's records and events as the adapter lays them out; events per `layout`. */
async function write(name: string, formId: string, records: RecordRow[], events: StageEvent[], layout: 1 | 2): Promise<number> {
  const kv = createLocalforageStore(name)
  const sets = new Map<string, unknown>()
  const rec: number[] = []
  const ev: number[] = []
  for (let n = 0; n * CHUNK < records.length; n++) {
    rec.push(n)
    sets.set(`rec:${formId}:${n}`, records.slice(n * CHUNK, (n + 1) * CHUNK))
  }
  let bytes = 0
  for (let n = 0; n * CHUNK < events.length; n++) {
    ev.push(n)
    const part = events.slice(n * CHUNK, (n + 1) * CHUNK)
    const value = layout === 1 ? part : encodeEventChunk(part)
    bytes += serialize(value).byteLength
    sets.set(`ev:${formId}:${n}`, value)
  }
  sets.set(`man:${formId}`, { version: 1, chunks: { rec, trash: [], ev, chg: [] }, records: records.length })
  if (layout === 2) sets.set(LAYOUT_KEY, { version: 2 })
  await kv.writeMany!(sets, [])
  return bytes
}

describe('stage events in storage (fake-indexeddb)', () => {
  it(`should measure stored size and read-back of ${COUNT} records' events in both layouts`, async () => {
    const { records, events } = generateOpportunities(COUNT, 20240601, Date.UTC(2025, 5, 1))
    const formId = events[0]!.formId
    const lines: string[] = [`${COUNT} records, ${events.length} events`]
    for (const layout of [1, 2] as const) {
      const name = uniqueName(`bench-ev${layout}`)
      const bytes = await write(name, formId, records, events, layout)
      if (layout === 1 && process.env.FG_BASE_SRC) {
        // First, before this app's adapter opens it (and migrates it in the background).
        const base = await import(/* @vite-ignore */ `${process.env.FG_BASE_SRC}/storage/localforage-adapter.ts`) as { createLocalforageAdapter: typeof createLocalforageAdapter }
        const baseRuns: number[] = []
        for (let r = 0; r < 3; r++) {
          const adapter: StorageAdapter = base.createLocalforageAdapter({ name, broadcast: false })
          await adapter.loadRecords(formId)
          const [ms] = await time(async () => appendColumns(EMPTY_COLUMNS, await adapter.loadStageEvents(formId)))
          baseRuns.push(ms)
          await adapter.close()
        }
        lines.push(`layout 1 through ${process.env.FG_BASE_SRC} (loadStageEvents + appendColumns): ${baseRuns.join(' / ')} ms`)
      }
      const runs: number[] = []
      // Layout 1 once: this adapter migrates it in the background after the open.
      for (let r = 0; r < (layout === 1 ? 1 : 3); r++) {
        const adapter = createLocalforageAdapter({ name, broadcast: false })
        await adapter.loadRecords(formId)
        const [ms, cols] = await time(() => adapter.loadStageEventColumns(formId))
        expect(cols.length).toBe(events.length)
        runs.push(ms)
        await adapter.close()
      }
      lines.push(`layout ${layout}: stored ${(bytes / 1e6).toFixed(1)} MB, read back as columns ${runs.join(' / ')} ms`)
    }
    console.info(lines.join('\n'))
  }, 3_600_000)
})

/**
 * Layout measurement (moved here from the unit suite): run with
 *   npm run bench -- --extra      or
 *   FG_BENCH_COUNTS=10000 npx vitest run --config bench/vitest.bench.config.ts bench/extra/storage-layout.test.ts
 * Prints save / reopen / one-edit timings per chunk size on fake-indexeddb.
 */
import { describe, expect, it } from 'vitest'
import { createLocalforageStore } from '../../src/storage/kv-store'
import { createLocalforageAdapter } from '../../src/storage/localforage-adapter'
import { putTx, record, records } from '../../tests/fixtures/storage'
import { uniqueName } from '../../tests/fixtures/storage-contract'

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now()
  const result = await fn()
  return [Math.round(performance.now() - start), result]
}

describe('storage-layout measurement (fake-indexeddb)', () => {
  it('should measure one key per record against one blob for 10k records', async () => {
    const rows = records(10_000)
    const perKey = createLocalforageStore(uniqueName('bench-keys'))
    const [keysMs] = await time(() => Promise.all(rows.map(r => perKey.setItem(`r:${r.id}`, r))))
    const blob = createLocalforageStore(uniqueName('bench-blob'))
    const [blobMs] = await time(() => blob.setItem('all', rows))
    console.info(`10k records: one key per record ${keysMs} ms, one blob ${blobMs} ms`)
    expect((await blob.getItem<unknown[]>('all'))?.length).toBe(10_000)
  }, 120_000)

  for (const count of (process.env.FG_BENCH_COUNTS ?? '10000,100000').split(',').map(Number)) {
    for (const chunkSize of [1000, 2000, 5000]) {
      it(`should measure ${count} records at chunk size ${chunkSize}`, async () => {
        const name = uniqueName('bench')
        const rows = records(count)
        const adapter = createLocalforageAdapter({ name, chunkSize, broadcast: false })
        await adapter.loadDefinitions()
        const [saveMs] = await time(() => adapter.commit(putTx(rows)))
        const edits = 20
        const [editsMs] = await time(async () => {
          for (let i = 0; i < edits; i++) await adapter.commit(putTx([record(i * 97 % count, { f_amount: i })]))
        })
        await adapter.close()
        const reopened = createLocalforageAdapter({ name, chunkSize, broadcast: false })
        const [loadMs, loaded] = await time(() => reopened.loadRecords('deals'))
        await reopened.close()
        console.info(`${count} records, chunk ${chunkSize}: save ${saveMs} ms, reopen+load ${loadMs} ms, one edit commit ${(editsMs / edits).toFixed(1)} ms`)
        expect(loaded).toHaveLength(count)
      }, 300_000)
    }
  }
})

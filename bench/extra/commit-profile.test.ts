/**
 * Logs-only: the page's side of committing a bulk import (the app's worker path), in Node. The
 * bench page's 100k CSV (bench/browser/import-csv.ts) is parsed, planned and built into batches
 * once (untimed, as the import worker does); each round then commits every batch, frozen as
 * `records.importPrepared` freezes it, through the localforage adapter on an in-memory store
 * whose writes structured-clone their values (as IndexedDB does), so the figure is the adapter's
 * own CPU work plus the clone, without IndexedDB's. FG_COMMIT_ROUNDS rounds (default 5), then
 * one profiled round (self time per function).
 * `FG_COMMIT_SIZE=100000 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/commit-profile.test.ts`
 */
import { loadavg } from 'node:os'
import { it } from 'vitest'
import type { Transaction } from '@/core/storage/adapter'
import type { KvStore } from '@/storage/kv-store'
import { autoMapColumns, builtBatches, decodeText, importBatchSize, parseCsv, planImport } from '@/core/io'
import { freezeTransaction } from '@/core/storage/clone'
import { validatorFor } from '@/core/records/validator-cache'
import { createLocalforageAdapter } from '@/storage/localforage-adapter'
import { importCsv } from '../browser/import-csv'
import { MEMBERS, pageData, SETTINGS } from '../browser/page-data'
import { profiled } from './node-profile'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** A key-value store in memory that clones what it is given, as IndexedDB does. */
function memoryKv(): KvStore {
  const m = new Map<string, unknown>()
  return {
    getItem: async <T>(key: string) => (m.has(key) ? structuredClone(m.get(key)) as T : null),
    setItem: async <T>(key: string, value: T) => {
      m.set(key, structuredClone(value))
      return value
    },
    removeItem: async (key: string) => { m.delete(key) },
    keys: async () => [...m.keys()],
    writeMany: async (sets, removes) => {
      for (const [k, v] of sets) m.set(k, structuredClone(v))
      for (const k of removes) if (!sets.has(k)) m.delete(k)
    },
  }
}

it('times the page\'s commits of an import', async () => {
  const size = Number(process.env.FG_COMMIT_SIZE ?? 100_000)
  const rounds = Number(process.env.FG_COMMIT_ROUNDS ?? 5)
  const form = pageData(size).form
  const table = parseCsv(decodeText(await importCsv(size)).text)
  const validate = validatorFor(form)
  const plan = planImport({ headers: table.headers, rows: table.rows, mapping: autoMapColumns(table.headers, form.fields), form, existing: [], validate, members: MEMBERS })
  if (plan.rejectedRows > 0) throw new Error(`rejected ${plan.rejectedRows}`)
  const now = Date.UTC(2025, 5, 1)
  const built: Transaction[] = [...builtBatches(plan, { form, existing: [], validate, importId: 'imp', batchSize: importBatchSize(plan), context: () => ({ now, memberId: undefined, formula: { forms: [form] } }) })].map(b => b.tx)
  const round = async (): Promise<number> => {
    // the batches as the page receives them from the worker: a structured clone each (untimed)
    const txs = built.map(tx => structuredClone(tx))
    const adapter = createLocalforageAdapter({ name: 'commit-profile', stores: { data: memoryKv(), wal: memoryKv() }, broadcast: false })
    await adapter.loadDefinitions()
    await adapter.commit({ settings: SETTINGS, defs: { put: [{ kind: 'form', doc: form }] } })
    const t0 = performance.now()
    for (const tx of txs) await adapter.commit(freezeTransaction(tx))
    const ms = performance.now() - t0
    await adapter.close()
    return ms
  }
  await round()
  const times: number[] = []
  for (let i = 0; i < rounds; i++) times.push(await round())
  const { summary } = await profiled(round, 35)
  console.log(`commit ${size} (${built.length} batches), load ${loadavg().map(l => l.toFixed(1)).join(' ')}: median ${median(times).toFixed(0)} ms of ${times.map(t => t.toFixed(0)).join(' ')}`)
  console.log(summary)
}, 3_600_000)

/**
 * Logs-only: the build step of a bulk import on the page path (importBatches + batchTransaction
 * per batch, as bench/browser/import-ops.ts onPage), in Node. The CSV is made as the bench page's
 * importCsv (bench/browser/import-csv.ts) makes it, parsed and planned once (untimed); then FG_BUILD_ROUNDS rounds (default 7) of
 * building every batch are timed, and one more round is profiled (self time per function).
 * `FG_BUILD_SIZE=100000 npx vitest run --config bench/vitest.bench.config.ts --project bench-extra bench/extra/build-profile.test.ts`
 * FG_BUILD_DUMP=path writes the built transactions' records and events (ids and times made
 * stable) as JSON, to compare two versions of the build.
 */
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { it } from 'vitest'
import type { FormDef } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import { importCsv } from '../browser/import-csv'
import { autoMapColumns, batchTransaction, decodeText, importBatches, importBatchSize, parseCsv, planImport } from '@/core/io'
import { validatorFor } from '@/core/records/validator-cache'
import { MEMBERS, pageData } from '../browser/page-data'
import { profiled } from './node-profile'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

it('times the build of an import\'s batches', async () => {
  const size = Number(process.env.FG_BUILD_SIZE ?? 100_000)
  const rounds = Number(process.env.FG_BUILD_ROUNDS ?? 7)
  const ds = pageData(size)
  const form: FormDef = ds.form
  const bytes = await importCsv(size)
  const table = parseCsv(decodeText(bytes).text)
  const validate = validatorFor(form)
  const plan = planImport({ headers: table.headers, rows: table.rows, mapping: autoMapColumns(table.headers, form.fields), form, existing: [], validate, members: MEMBERS })
  if (plan.rejectedRows > 0) throw new Error(`rejected ${plan.rejectedRows}`)
  const batches = importBatches(plan, importBatchSize(plan))
  const now = Date.UTC(2025, 5, 1)
  const build = (): Transaction[] => batches.map((batch) => {
    const r = batchTransaction(form, batch, new Map(), validate, { now })
    if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.issues.slice(0, 2))}`)
    return r.tx
  })
  build()
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    build()
    times.push(performance.now() - t0)
  }
  const dump = process.env.FG_BUILD_DUMP
  if (dump) {
    const txs = build()
    const ids = new Map<string, string>()
    const stable = (id: string) => { let s = ids.get(id); if (!s) { s = `id${ids.size}`; ids.set(id, s) } return s }
    const out = txs.map(tx => ({
      records: Object.values(tx.records ?? {}).flatMap(p => p.put ?? []).map(r => ({ ...r, id: stable(r.id) })),
      events: (tx.stageEvents ?? []).map(e => ({ ...e, id: stable(e.id), recordId: stable(e.recordId) })),
      changes: (tx.changes ?? []).map(c => ({ ...c, id: stable(c.id), recordId: stable(c.recordId) })),
      defs: tx.defs,
    }))
    writeFileSync(dump, JSON.stringify(out))
  }
  const { profile, summary } = await profiled(build)
  if (process.env.FG_BUILD_PROFILE) writeFileSync(process.env.FG_BUILD_PROFILE, JSON.stringify(profile))
  console.log(`build ${size} (${batches.length} batches), load ${loadavg().map(l => l.toFixed(1)).join(' ')}: median ${median(times).toFixed(0)} ms of ${times.map(t => t.toFixed(0)).join(' ')}`)
  console.log(summary)
}, 3_600_000)

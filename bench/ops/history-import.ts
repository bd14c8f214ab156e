/**
 * history-import: a stage-history log (one row per stage change, ~4 per deal) taken in as the
 * history import does it, against the record import of the same rows (every row a record), both
 * in Node over the memory adapter: parse, check, build the transactions and commit them.
 */
import type { FieldOf, FormDef, RecordRow } from '../../src/core/schema/types'
import { importBatches, parseCsv, planImport, toCsv } from '../../src/core/io'
import { batchTransaction } from '../../src/core/io/batch-transaction'
import { guessHistoryColumns, mergeHistory, reconstructFromHistoryLog } from '../../src/core/io/stage-history'
import { createRecords, validatorFor } from '../../src/core/records'
import { createMemoryAdapter } from '../../src/core/storage/memory-adapter'
import { labelText } from '../../src/core/utils/label'
import type { Dataset } from '../lib/data'
import type { Timing } from '../lib/measure'
import { measureAll } from '../lib/measure'

const BATCH = 1000

/** One line per timed round (a round at 1M events takes minutes: the figures so far stay in the log). */
function progress(what: string, ms: number): void {
  const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20)
  console.log(`[bench] history-import round: ${what} ${Math.round(ms)} ms (heap ${heap} MB)`)
}

/** The form both imports write: a key, the stage, an amount, and (for the record import) the change time. */
function logForm(stage: FieldOf<'stage'>): FormDef {
  return {
    schemaVersion: 1,
    id: 'bench_history',
    appId: 'bench',
    name: 'history',
    titleField: 'key',
    createdAt: 0,
    updatedAt: 0,
    fields: [
      { id: 'key', type: 'text', label: 'OpportunityId' },
      // the template's stage field also sets probability and forecast fields this form lacks
      { ...stage, id: 'stage', label: 'StageName', options: { stages: stage.options.stages } },
      { id: 'amount', type: 'money', label: 'Amount', options: { currency: 'CNY' } },
      { id: 'at', type: 'date', label: 'CreatedDate', options: { granularity: 'datetime' } },
    ],
  } as FormDef
}

/** The dataset's stage events as an OpportunityHistory-shaped CSV (untimed). */
function historyText(ds: Dataset): string {
  const byId = new Map(ds.records.map(r => [r.id, r]))
  const label = new Map(ds.stageField.options.stages.map(s => [s.id, labelText(s.label, 'zh-CN')]))
  const rows = ds.events.map((e, i) => [`H${i}`, e.recordId, label.get(e.to) ?? e.to, new Date(e.at).toISOString(), String(byId.get(e.recordId)?.values.f_opp_amount ?? '')])
  return toCsv(['Id', 'OpportunityId', 'StageName', 'CreatedDate', 'Amount'], rows, false)
}

async function freshAdapter(form: FormDef) {
  const adapter = createMemoryAdapter()
  await adapter.commit({ defs: { put: [{ kind: 'form', doc: form }] } })
  return adapter
}

/** Times both imports; throws when either refuses a batch or they store a different number of rows than planned. */
export async function benchHistoryImport(ds: Dataset, runs: number): Promise<{ ours: Timing, records: Timing, rows: number, deals: number }> {
  const form = logForm(ds.stageField)
  const text = historyText(ds)
  const validate = validatorFor(form)
  const stageNames = ds.stageField.options.stages.map(s => labelText(s.label, 'zh-CN'))
  let deals = 0
  let rows = 0
  const t = await measureAll({
    ours: async () => {
      const adapter = await freshAdapter(form)
      const t0 = performance.now()
      const table = parseCsv(text)
      const g = guessHistoryColumns(table.headers, table.rows, { stageNames })
      const cols = { key: g.key!.column, stage: g.stage!.column, at: g.at!.column, amount: g.amount!.column }
      const objects = table.rows.map(r => Object.fromEntries(table.headers.map((h, i) => [h, r[i] ?? ''])))
      const field = form.fields.find(f => f.id === 'stage') as FieldOf<'stage'>
      const res = reconstructFromHistoryLog(objects, { formId: form.id, field, columns: cols, keyField: 'key', amountField: 'amount' })
      const m = mergeHistory({ records: res.records, events: res.events, keyField: 'key', existing: [], existingEvents: [], mode: 'upsert', updateFields: [] })
      const eventsOf = new Map<string, typeof m.createEvents>()
      for (const e of m.createEvents) (eventsOf.get(e.recordId) ?? eventsOf.set(e.recordId, []).get(e.recordId)!).push(e)
      const existing: RecordRow[] = []
      for (let i = 0; i < m.creates.length; i += BATCH) {
        const chunk = m.creates.slice(i, i + BATCH)
        const presets = chunk.map(r => ({ id: r.id, createdAt: r.createdAt, updatedAt: r.updatedAt, events: eventsOf.get(r.id) ?? [] }))
        const w = createRecords(form, chunk.map(r => r.values), validate, { now: ds.now, existing }, presets)
        if (!w.ok) throw new Error(`history import refused a batch: ${JSON.stringify(w.issues[0])}`)
        await adapter.commit(w.tx)
        existing.push(...w.records)
      }
      const ms = performance.now() - t0
      deals = existing.length
      rows = table.rows.length
      progress('history import', ms)
      return ms
    },
    records: async () => {
      const adapter = await freshAdapter(form)
      const t0 = performance.now()
      const table = parseCsv(text)
      const plan = planImport({ headers: table.headers, rows: table.rows, mapping: [null, 'key', 'stage', 'at', 'amount'], form, existing: [], validate, dateFormat: 'YYYY-MM-DD' })
      if (plan.rejected.length) throw new Error(`record import rejected ${plan.rejected.length} rows: ${JSON.stringify(plan.rejected[0])}`)
      const byId = new Map<string, RecordRow>()
      const existing: RecordRow[] = []
      for (const batch of importBatches(plan, BATCH)) {
        const w = batchTransaction(form, batch, byId, validate, { now: ds.now, existing })
        if (!w.ok) throw new Error(`record import refused a batch: ${JSON.stringify(w.issues[0])}`)
        await adapter.commit(w.tx)
        existing.push(...w.records)
      }
      const ms = performance.now() - t0
      progress('record import', ms)
      return ms
    },
  }, { runs })
  return { ours: t.ours, records: t.records, rows, deals }
}

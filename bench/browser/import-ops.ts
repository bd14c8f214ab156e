/** bulk-import: CSV parse + validate + persist, against naive localforage and a raw IndexedDB floor. */
import type { ImportPlan } from '@/core/io'
import type { FormDef, RecordRow } from '@/core/schema/types'
import type { StorageAdapter, Transaction } from '@/core/storage/adapter'
import type { ImportClient } from '@/workers/import-client'
import localforage from 'localforage'
import { autoMapColumns, batchTransaction, decodeText, importBatches, importBatchSize, parseCsv, planImport } from '@/core/io'
import { freezeTransaction } from '@/core/storage/clone'
import { createImportClient } from '@/workers/import-client'
import { DATE_SAMPLE } from '@/components/io/use-import-mapping'
import { validatorFor } from '@/core/records/validator-cache'
import { createLocalforageAdapter } from '@/storage/localforage-adapter'
import type { AutomationEnv } from '@/core/automations'
import { automate } from '@/core/automations'
import { newId } from '@/core/utils/id'
import { benchAutomations, OPP_FORM } from '../lib/data'
import { MEMBERS, pageData, SETTINGS } from './page-data'
import { importCsv } from './import-csv'
import { gridHolds, openGrid } from './stores'

/** Makes the CSV of `size` ahead of timing; returns its size in bytes. */
export async function prepareCsv(size: number): Promise<number> {
  return (await importCsv(size)).length
}

/** Where the records of each batch are built: the import worker (the app's path) or the page (before). */
export type ImportPath = 'worker' | 'page'

/** The page's import worker, started untimed once (the app starts it when the import dialog opens). */
let client: ImportClient | undefined

/** A fresh database with the bench form (and the automations' forms); returns the adapter. */
async function freshAdapter(name: string, form: FormDef, auto: ReturnType<typeof benchAutomations> | undefined): Promise<StorageAdapter> {
  // Default options, as the app (src/main.ts): other tabs are told about each batch.
  const adapter = createLocalforageAdapter({ name })
  await adapter.loadDefinitions()
  await adapter.commit({ settings: SETTINGS, defs: { put: [{ kind: 'form', doc: form }, ...(auto?.forms ?? []).map(doc => ({ kind: 'form' as const, doc }))] } })
  return adapter
}

/**
 * The product path on a fresh database. `worker` (the app's): the file is read and every row
 * planned (coerce + validate) in the import worker, which keeps the file's rows and the plan and builds its batches
 * into records while the page commits the one before (`client.build`, as
 * `useImportWriter.writeBuiltInWorker`). `page` (before): the same core steps one after another
 * on the page. Each batch's transaction goes through `automate` with automations on, and is
 * committed through the adapter (records, stage events, change log).
 */
export async function bulkImport(name: string, size: number, automated?: 'firing' | 'checked', path: ImportPath = 'worker'): Promise<number> {
  const bytes = await importCsv(size)
  const form = pageData(size).form
  const auto = automated ? benchAutomations(automated) : undefined
  const adapter = await freshAdapter(name, form, auto)
  const byId = new Map<string, RecordRow>()
  // With automations: each batch's transaction goes through automate() as records.run does
  // (the template's stage-entered ones: 需求分析 → a task, 成交与签约 → a contract and a payment).
  const env: AutomationEnv | undefined = auto && {
    automations: auto.automations,
    forms: new Map([form, ...auto.forms].map(f => [f.id, f])),
    rows: () => ({ rows: [], byId }),
    members: MEMBERS,
    ctx: { now: Date.now() },
    validatorFor,
    newId,
  }
  let created = 0
  const commit = async (tx: Transaction) => {
    const out = env && automate(tx, env)
    if (out) created += out.runs.filter(r => !r.error).length
    if (out?.runs.some(r => r.error)) throw new Error(`an automation did not run: ${JSON.stringify(out.runs.find(r => r.error)?.error)}`)
    await adapter.commit(out?.tx ?? tx)
  }
  client ??= createImportClient()
  const t0 = performance.now()
  // the worker's batches as records.importPrepared takes them: frozen (storage keeps these objects), then committed
  const written = path === 'worker' ? await viaWorker(client, bytes, form, [form, ...auto?.forms ?? []], tx => commit(freezeTransaction(tx))) : await onPage(bytes, form, commit)
  if (automated === 'firing' && created === 0) throw new Error('no automation fired')
  if (automated === 'checked' && created > 0) throw new Error('an automation fired')
  const ms = performance.now() - t0
  const stored = (await adapter.loadRecords(OPP_FORM)).length
  await adapter.close()
  if (stored !== size || written !== size) throw new Error(`imported ${stored} of ${size} (the review said ${written})`)
  return ms
}

function refusedRows(plan: Pick<ImportPlan, 'rejected' | 'rejectedRows'>): void {
  if (plan.rejectedRows > 0) throw new Error(`import rejected ${plan.rejectedRows} rows: ${JSON.stringify(plan.rejected.slice(0, 3))}`)
}

/** The app's path: parse and plan in the worker, batches built there and written here (`write`) as they come. Returns the plan's insert count. */
async function viaWorker(c: ImportClient, bytes: Uint8Array, form: FormDef, forms: FormDef[], write: (tx: Transaction) => Promise<void>): Promise<number> {
  const t0 = performance.now()
  // as ImportRecordsPanel: only the file's head comes back to the page (no proposed fields completed over every row), the summary of the plan
  const file = await c.parse(bytes, { fileName: 'bench.csv', head: DATE_SAMPLE, proposals: 'sample' }).promise
  const t1 = performance.now()
  const planned = c.check({ headers: file.headers, fileId: file.fileId, mapping: autoMapColumns(file.headers, form.fields), form, existing: [], members: MEMBERS })
  const plan = await planned.promise
  const t2 = performance.now()
  refusedRows(plan)
  const stream = c.build({ planId: planned.id, form, forms, importId: newId(), stored: [], batchSize: plan.batchSize })
  let waited = 0
  let committing = 0
  let first = 0
  for (let w = performance.now(), b = await stream.next(); b; w = performance.now(), b = await stream.next()) {
    const got = performance.now()
    waited += got - w
    if (!first) first = got - t2
    await write(b.tx)
    committing += performance.now() - got
    stream.ack(b.index)
  }
  lastPhases = { parse: t1 - t0, plan: t2 - t1, firstBatch: first, waited, committing, total: performance.now() - t0 }
  return plan.insertCount
}

/** Where the last worker-path import's time went (ms), for the profile harness. */
export let lastPhases: Record<string, number> = {}
/** `lastPhases`, through the bench page's API. */
export function importPhases(): Record<string, number> {
  return lastPhases
}

/** Before: decode, parse, map, plan, then build and commit each batch, all on the page. */
async function onPage(bytes: Uint8Array, form: FormDef, commit: (tx: Transaction) => Promise<void>): Promise<number> {
  const table = parseCsv(decodeText(bytes).text)
  const validate = validatorFor(form)
  const plan = planImport({ headers: table.headers, rows: table.rows, mapping: autoMapColumns(table.headers, form.fields), form, existing: [], validate, members: MEMBERS })
  refusedRows(plan)
  for (const batch of importBatches(plan, importBatchSize(plan))) {
    const result = batchTransaction(form, batch, new Map(), validate, { now: Date.now() })
    if (!result.ok) throw new Error(`batch refused: ${JSON.stringify(result.issues.slice(0, 3))}`)
    await commit(result.tx)
  }
  return plan.inserts.length
}

/**
 * The app's import path with the form open in the grid page underneath, as the import dialog
 * opens over it: the worker's batches are written through the records store
 * (`records.importPrepared`, as `writeBuiltInWorker`), so each batch is also shown (store rows,
 * DataGrid). Ends when the grid holds every row; ms.
 */
export async function bulkImportIntoGrid(name: string, size: number): Promise<number> {
  const bytes = await importCsv(size)
  const form = pageData(size).form
  await (await freshAdapter(name, form, undefined)).close()
  const grid = await openGrid(name, OPP_FORM)
  const records = grid.records!
  client ??= createImportClient()
  const undoGroup = newId()
  const t0 = performance.now()
  await viaWorker(client, bytes, form, [form], async (tx) => {
    const res = await records.importPrepared(OPP_FORM, tx, undoGroup)
    if (!res.ok || !res.saved) throw new Error('an import batch was not written')
  })
  await gridHolds(grid.api, () => size)
  const ms = performance.now() - t0
  lastPhases.total = ms
  grid.app.unmount()
  await grid.adapter!.close()
  return ms
}

/** Naive baseline: one localforage setItem per record (all in flight at once). */
export async function naiveImport(name: string, size: number): Promise<number> {
  const rows = pageData(size).records
  const store = localforage.createInstance({ name, storeName: 'keyvaluepairs', driver: localforage.INDEXEDDB })
  await store.ready()
  const t0 = performance.now()
  await Promise.all(rows.map(r => store.setItem(`rec:${r.id}`, r)))
  return performance.now() - t0
}

/**
 * Floor: every record put in one raw IndexedDB transaction (no parsing, no validation).
 * `perValue` 1 puts one value per record; 1000 puts the same records as arrays of 1000 per
 * value, the grouping the product's storage uses, which IndexedDB writes far faster (one
 * clone + one backend write per value instead of per record). The stricter of the two is the
 * floor the import is held to.
 */
export async function floorImport(name: string, size: number, perValue = 1): Promise<number> {
  const rows = pageData(size).records
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1)
    req.onupgradeneeded = () => req.result.createObjectStore('records')
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const t0 = performance.now()
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('records', 'readwrite')
    const store = tx.objectStore('records')
    if (perValue <= 1) for (const r of rows) store.put(r, r.id)
    else for (let i = 0; i < rows.length; i += perValue) store.put(rows.slice(i, i + perValue), `rec:${i / perValue}`)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  const ms = performance.now() - t0
  db.close()
  return ms
}

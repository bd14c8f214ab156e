import type { ImportPlan, PlanSummary } from '@/core/io'
import type { ChangeEntry, FieldOf, FormDef, Locale, RecordRow, StageEvent } from '@/core/schema/types'
import type { StageDateColumn } from '@/core/io/backdate-events'
import type { RecordPatch } from '@/core/records'
import type { WriteOutcome } from '@/stores/records'
import type { FailedWrite } from '@/stores/save-status'
import { ref, toRaw } from 'vue'
import type { BuildStream } from '@/workers/import-client'
import type { BuildRequest } from '@/workers/import-protocol'
import { IMPORT_BATCH_RECORDS, importBatches, importBatchSize, remainingInserts, remainingPlan, storedOfImport } from '@/core/io'
import { formLinks, sourcesOf } from '@/core/records'
import { newId } from '@/core/utils/id'
import { useImportsStore } from '@/stores/imports'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'

/** Records per atomic batch at most (fewer for wide records: `importBatchSize`). */
export const IMPORT_BATCH_SIZE = IMPORT_BATCH_RECORDS

/** How a write ended. */
export interface ImportWriteOutcome {
  status: 'done' | 'cancelled' | 'failed'
  batchesDone: number
  totalBatches: number
  inserted: number
  updated: number
  /** Why a batch failed (storage refused it, or a record no longer validates). */
  failure?: string
  /** Storage refused the batch (its StorageError code): the journal is kept, the same file resumes the rest. */
  storageRefused?: FailedWrite['code']
  /** Records whose "entered stage" dates could not all be read. */
  stageDateIssues: number
}

/** Stage history laid onto existing records: value patches and the events appended to them. */
export interface HistoryOnto {
  patches: RecordPatch[]
  events: StageEvent[]
  /** Backdated change entries (the amount's history), of new and of existing records. */
  changes?: ChangeEntry[]
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const x of items) {
    const k = keyOf(x)
    const list = out.get(k)
    if (list) list.push(x)
    else out.set(k, [x])
  }
  return out
}

/** Options of `write`. */
export interface ImportWriteOptions {
  fileName: string
  /** Stage field and date fields giving backdated stage events for new records. */
  stageDates?: { field: FieldOf<'stage'>, columns: StageDateColumn[] }
  batchSize?: number
  /** Language of a failure message. */
  locale?: Locale
  /** `fileFingerprint` of the file, kept in the journal so the same file can resume the import. */
  fingerprint?: string
  /** Resume this interrupted import: its rows already in the store are skipped. */
  resumeImportId?: string
  /** Journalled as a stage-history import (set by `writeBuilt`). */
  kind?: 'history'
}

/**
 * Writes an import plan in atomic batches through the records store's pipeline (failed writes
 * show the save banner), updating the import journal after each commit, so a tab closed
 * midway is reported on the next visit.
 */
export function useImportWriter() {
  const records = useRecordsStore()
  const journal = useImportsStore()
  const workspace = useWorkspaceStore()
  const progress = ref(0)
  /** 1-based batch being written, and the batch count. */
  const batch = ref(0)
  const batchTotal = ref(0)
  const writing = ref(false)
  let cancelled = false

  interface Run {
    form: FormDef
    importId: string
    batchSize: number
    sizes: number[]
    /** Rows of the whole import (a resumed one included what is already stored). */
    rowsTotal: number
    opts: ImportWriteOptions
  }

  /** Runs the batches of one import: journalled, progress shown, cancellable between batches. */
  async function runBatches(r: Run, writeOne: (i: number, undoGroup: string) => Promise<WriteOutcome & { stageDateIssues?: number }>): Promise<ImportWriteOutcome> {
    const { sizes, importId } = r
    const locale = r.opts.locale ?? 'zh-CN'
    const out: ImportWriteOutcome = { status: 'done', batchesDone: 0, totalBatches: sizes.length, inserted: 0, updated: 0, stageDateIssues: 0 }
    cancelled = false
    writing.value = true
    progress.value = 0
    batchTotal.value = sizes.length
    journal.start({ importId, fileName: r.opts.fileName, formId: r.form.id, totalBatches: sizes.length, batchSize: r.batchSize, rowsTotal: r.rowsTotal, fingerprint: r.opts.fingerprint, ...(r.opts.kind ? { kind: r.opts.kind } : {}) })
    /** Storage refused a batch: the journal is kept, so the rest can be resumed with the same file. */
    let refused = false
    try {
      for (let i = 0; i < sizes.length; i++) {
        if (cancelled) return { ...out, status: 'cancelled' }
        batch.value = i + 1
        const res = await writeOne(i, importId)
        if (!res.ok) {
          const first = res.issues[0]?.issues[0]
          return { ...out, status: 'failed', failure: first ? first.message[locale] : 'invalid' }
        }
        if (!res.saved) {
          refused = true
          return { ...out, status: 'failed', failure: res.failure ?? 'storage', storageRefused: res.failureCode ?? 'unknown' }
        }
        journal.batchCommitted(importId, sizes[i]!)
        out.batchesDone++
        out.stageDateIssues += res.stageDateIssues ?? 0
        progress.value = (i + 1) / sizes.length
        // Let the page paint the progress between batches.
        await new Promise(resolve => setTimeout(resolve, 0))
      }
      return out
    }
    finally {
      if (refused) journal.stop(importId)
      else journal.end(importId)
      writing.value = false
    }
  }

  /**
   * Writes an import plan (updates and inserts) in atomic batches; the whole import undoes as
   * one step. New records are named by the import and their file line (`importRecordId`), so
   * the store tells what landed; resuming skips those and writes only the rest.
   */
  async function write(form: FormDef, plan: ImportPlan, opts: ImportWriteOptions): Promise<ImportWriteOutcome> {
    const importId = opts.resumeImportId ?? newId()
    const rest = opts.resumeImportId ? remainingPlan(plan, importId, await storedIds(form.id, importId)) : plan
    const batchSize = opts.batchSize ?? importBatchSize(rest)
    const batches = importBatches(rest, batchSize, importId)
    const rowsTotal = plan.inserts.length + plan.updates.length
    const out = await runBatches({ form, importId, batchSize, sizes: batches.map(b => b.inserts.length + b.updates.length), rowsTotal, opts }, (i, undoGroup) => records.importBatch(form.id, batches[i]!, { undoGroup, stageDates: opts.stageDates }))
    const done = batches.slice(0, out.batchesDone)
    return { ...out, inserted: done.reduce((n, b) => n + b.inserts.length, 0), updated: done.reduce((n, b) => n + b.updates.length, 0) }
  }

  /**
   * Whether the worker can build `plan`'s batches: it only inserts, and the form reads no other
   * form's records (lookups, rollups, MAPX: those rows live on the page).
   */
  function buildsInWorker(form: FormDef, plan: PlanSummary): boolean {
    if (plan.updateCount > 0) return false
    return [...sourcesOf(formLinks(workspace.forms), form.id)].every(id => id === form.id)
  }

  /**
   * Writes a plan the worker kept (`planId`, of which the page holds the summary): the worker
   * builds batch i+1 (defaults, formulas, serials, stage events) while this page commits batch
   * i; nothing is validated twice. The same journal, progress, cancel and stop at a refused
   * batch as `write`.
   */
  async function writeBuiltInWorker(form: FormDef, plan: PlanSummary, planId: number, build: (req: BuildRequest) => BuildStream, opts: ImportWriteOptions): Promise<ImportWriteOutcome> {
    const importId = opts.resumeImportId ?? newId()
    const stored = opts.resumeImportId ? await storedIds(form.id, importId) : new Set<string>()
    const batchSize = opts.batchSize ?? plan.batchSize
    const count = remainingInserts(plan, importId, stored)
    const sizes = Array.from({ length: Math.ceil(count / batchSize) }, (_, i) => Math.min(batchSize, count - i * batchSize))
    // Posted to the worker: plain objects only (no reactive proxies, which cannot be cloned).
    const sd = opts.stageDates
    const stream = build({
      planId, form: toRaw(form), forms: toRaw(workspace.forms).map(f => toRaw(f)), memberId: workspace.settings.currentMemberId, importId, stored: [...stored], batchSize,
      ...(sd ? { stageDates: { field: toRaw(sd.field), columns: toRaw(sd.columns).map(c => ({ stage: c.stage, fieldId: c.fieldId })) } } : {}),
    })
    try {
      const out = await runBatches({ form, importId, batchSize, sizes, rowsTotal: plan.insertCount, opts }, async (i, undoGroup) => {
        let b: Awaited<ReturnType<BuildStream['next']>>
        try {
          b = await stream.next()
        }
        catch (err) {
          // The worker could not build the batch: nothing of it is written, like a refused batch.
          const text = err instanceof Error ? err.message : String(err)
          return { ok: false, issues: [{ recordId: '', issues: [{ fieldId: '', code: 'build', message: { 'zh-CN': text, 'en': text } }] }] }
        }
        if (!b || b.index !== i) throw new Error(`import batch ${i + 1} did not arrive`)
        const res = await records.importPrepared(form.id, b.tx, undoGroup)
        stream.ack(i)
        return { ...res, stageDateIssues: b.stageDateIssues }
      })
      return { ...out, inserted: sizes.slice(0, out.batchesDone).reduce((n, x) => n + x, 0), updated: 0 }
    }
    finally {
      stream.cancel()
    }
  }

  /**
   * Writes records built elsewhere (a stage-history log) with their stage events, in atomic
   * batches of whole records and all their events, journalled like `write`: derived values
   * computed like any new record's, the whole import one undo step. `onto` carries history laid
   * onto existing records (value patches and appended events), batched per record after the new ones.
   */
  async function writeBuilt(form: FormDef, built: readonly RecordRow[], events: readonly StageEvent[], opts: ImportWriteOptions, onto: HistoryOnto = { patches: [], events: [] }): Promise<ImportWriteOutcome> {
    const batchSize = opts.batchSize ?? IMPORT_BATCH_SIZE
    const eventsOf = groupBy(events, e => e.recordId)
    const ontoEvents = groupBy(onto.events, e => e.recordId)
    const patchOf = new Map(onto.patches.map(p => [p.recordId, p]))
    const changesOf = groupBy(onto.changes ?? [], c => c.recordId)
    const builtIds = new Set(built.map(r => r.id))
    const matched = [...new Set([...patchOf.keys(), ...ontoEvents.keys(), ...[...changesOf.keys()].filter(id => !builtIds.has(id))])]
    const units: ({ rec: RecordRow } | { id: string })[] = [...built.map(rec => ({ rec })), ...matched.map(id => ({ id }))]
    const chunks: typeof units[] = []
    for (let i = 0; i < units.length; i += batchSize) chunks.push(units.slice(i, i + batchSize))
    const write = (i: number, undoGroup: string) => {
      const rows: RecordRow[] = []
      const batch: Required<HistoryOnto> = { patches: [], events: [], changes: [] }
      const evs: StageEvent[] = []
      for (const u of chunks[i]!) {
        if ('rec' in u) {
          rows.push(u.rec)
          evs.push(...eventsOf.get(u.rec.id) ?? [])
          batch.changes.push(...changesOf.get(u.rec.id) ?? [])
          continue
        }
        const p = patchOf.get(u.id)
        if (p) batch.patches.push(p)
        batch.events.push(...ontoEvents.get(u.id) ?? [])
        batch.changes.push(...changesOf.get(u.id) ?? [])
      }
      return records.importBuilt(form.id, rows, evs, undoGroup, batch)
    }
    const out = await runBatches({ form, importId: newId(), batchSize, sizes: chunks.map(c => c.length), rowsTotal: units.length, opts: { ...opts, kind: 'history' } }, write)
    const done = chunks.slice(0, out.batchesDone).flat()
    return { ...out, inserted: done.filter(u => 'rec' in u).length, updated: done.filter(u => 'id' in u).length }
  }

  /** Ids of the records of `importId` the form holds. */
  async function storedIds(formId: string, importId: string): Promise<Set<string>> {
    const state = records.ensure(formId)
    await state.loaded
    return storedOfImport(state.byId.keys(), importId).ids
  }

  /** Stops after the batch being written; batches already written stay. */
  function cancel(): void {
    cancelled = true
  }

  return { progress, batch, batchTotal, writing, write, writeBuilt, buildsInWorker, writeBuiltInWorker, cancel }
}

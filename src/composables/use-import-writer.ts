import type { ImportPlan } from '@/core/io'
import type { FieldOf, FormDef, Locale, RecordRow, StageEvent } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { StageDateColumn } from '@/components/io/backdate-events'
import { ref } from 'vue'
import { batchTransaction, importBatches } from '@/core/io'
import { validatorFor } from '@/core/records/validator-cache'
import { newId } from '@/core/utils/id'
import { withBackdatedEvents } from '@/components/io/backdate-events'
import { useImportsStore } from '@/stores/imports'
import { useRecordsStore } from '@/stores/records'
import { useSaveStatusStore } from '@/stores/save-status'
import { useWorkspaceStore } from '@/stores/workspace'

/** Records per atomic batch. */
export const IMPORT_BATCH_SIZE = 5000

/** How a write ended. */
export interface ImportWriteOutcome {
  status: 'done' | 'cancelled' | 'failed'
  batchesDone: number
  totalBatches: number
  inserted: number
  updated: number
  /** Why a batch failed (storage refused it, or a record no longer validates). */
  failure?: string
  /** Records whose "entered stage" dates could not all be read. */
  stageDateIssues: number
}

/** Options of `write`. */
export interface ImportWriteOptions {
  fileName: string
  /** Stage field and date fields giving backdated stage events for new records. */
  stageDates?: { field: FieldOf<'stage'>, columns: StageDateColumn[] }
  batchSize?: number
  /** Language of a failure message. */
  locale?: Locale
}

/**
 * Writes an import plan in atomic batches through the save-status store (failed writes show
 * the save banner), updating the records store as each batch lands and the import journal
 * after each commit, so a tab closed midway is reported on the next visit.
 */
export function useImportWriter() {
  const records = useRecordsStore()
  const saver = useSaveStatusStore()
  const workspace = useWorkspaceStore()
  const journal = useImportsStore()
  const progress = ref(0)
  const writing = ref(false)
  let cancelled = false

  async function write(form: FormDef, plan: ImportPlan, opts: ImportWriteOptions): Promise<ImportWriteOutcome> {
    const batchSize = opts.batchSize ?? IMPORT_BATCH_SIZE
    const batches = importBatches(plan, batchSize)
    const out: ImportWriteOutcome = { status: 'done', batchesDone: 0, totalBatches: batches.length, inserted: 0, updated: 0, stageDateIssues: 0 }
    const importId = newId()
    const state = records.ensure(form.id)
    await state.loaded
    // Lookups and rollups read linked forms; forms reading this one are recomputed in each batch.
    await records.loadLinked([form.id])
    cancelled = false
    writing.value = true
    progress.value = 0
    journal.start(importId, opts.fileName, form.id, batches.length, batchSize, plan.inserts.length + plan.updates.length)
    try {
      for (const batch of batches) {
        if (cancelled) return { ...out, status: 'cancelled' }
        const res = batchTransaction(form, batch, state.byId, validatorFor(form), { now: Date.now(), memberId: workspace.settings.currentMemberId, existing: state.rows.value, related: records.related, formula: { forms: workspace.forms } })
        if (!res.ok) {
          const first = res.issues[0]?.issues[0]
          return { ...out, status: 'failed', failure: first ? first.message[opts.locale ?? 'zh-CN'] : 'invalid' }
        }
        let tx = records.withLinked(res.tx)
        if (opts.stageDates) {
          const created: RecordRow[] = res.records.slice(batch.updates.length)
          const dated = withBackdatedEvents(tx, created, form.id, opts.stageDates.field, opts.stageDates.columns)
          tx = dated.tx
          out.stageDateIssues += dated.issues
        }
        records.applyLocal(tx)
        workspace.applyLocal(tx)
        if (!(await saver.commit(tx))) {
          const failedWrite = saver.failed[saver.failed.length - 1]
          return { ...out, status: 'failed', failure: failedWrite?.message ?? 'storage' }
        }
        journal.batchCommitted(importId, batch.inserts.length + batch.updates.length)
        out.batchesDone++
        out.inserted += batch.inserts.length
        out.updated += batch.updates.length
        progress.value = batch.progress
        // Let the page paint the progress between batches.
        await new Promise(resolve => setTimeout(resolve, 0))
      }
      return out
    }
    finally {
      journal.end(importId)
      writing.value = false
    }
  }

  /**
   * Writes records built elsewhere (a stage-history log) with their stage events, in atomic
   * batches of whole records and all their events, journalled like `write`.
   */
  async function writeBuilt(form: FormDef, built: readonly RecordRow[], events: readonly StageEvent[], opts: ImportWriteOptions): Promise<ImportWriteOutcome> {
    const batchSize = opts.batchSize ?? IMPORT_BATCH_SIZE
    const total = Math.ceil(built.length / batchSize)
    const out: ImportWriteOutcome = { status: 'done', batchesDone: 0, totalBatches: total, inserted: 0, updated: 0, stageDateIssues: 0 }
    const importId = newId()
    await records.ensure(form.id).loaded
    const eventsOf = new Map<string, StageEvent[]>()
    for (const e of events) eventsOf.set(e.recordId, [...(eventsOf.get(e.recordId) ?? []), e])
    cancelled = false
    writing.value = true
    progress.value = 0
    journal.start(importId, opts.fileName, form.id, total, batchSize, built.length)
    try {
      for (let i = 0; i < total; i++) {
        if (cancelled) return { ...out, status: 'cancelled' }
        const put = built.slice(i * batchSize, (i + 1) * batchSize).map(r => ({ ...r, values: { ...r.values } }))
        const now = Date.now()
        const tx: Transaction = {
          records: { [form.id]: { put } },
          stageEvents: put.flatMap(r => eventsOf.get(r.id) ?? []),
          changes: put.map(r => ({ id: newId(), formId: form.id, recordId: r.id, at: now, memberId: workspace.settings.currentMemberId, kind: 'create' as const })),
        }
        records.applyLocal(tx)
        if (!(await saver.commit(tx))) return { ...out, status: 'failed', failure: saver.failed[saver.failed.length - 1]?.message ?? 'storage' }
        journal.batchCommitted(importId, put.length)
        out.batchesDone++
        out.inserted += put.length
        progress.value = (i + 1) / total
        await new Promise(resolve => setTimeout(resolve, 0))
      }
      return out
    }
    finally {
      journal.end(importId)
      writing.value = false
    }
  }

  /** Stops after the batch being written; batches already written stay. */
  function cancel(): void {
    cancelled = true
  }

  return { progress, writing, write, writeBuilt, cancel }
}

import type { ImportPlan } from '@/core/io'
import type { FieldOf, FormDef, Locale, RecordRow, StageEvent } from '@/core/schema/types'
import type { StageDateColumn } from '@/core/io/backdate-events'
import type { WriteOutcome } from '@/stores/records'
import { ref } from 'vue'
import { importBatches } from '@/core/io'
import { newId } from '@/core/utils/id'
import { useImportsStore } from '@/stores/imports'
import { useRecordsStore } from '@/stores/records'

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
 * Writes an import plan in atomic batches through the records store's pipeline (failed writes
 * show the save banner), updating the import journal after each commit, so a tab closed
 * midway is reported on the next visit.
 */
export function useImportWriter() {
  const records = useRecordsStore()
  const journal = useImportsStore()
  const progress = ref(0)
  const writing = ref(false)
  let cancelled = false

  /** Runs the batches of one import: journalled, progress shown, cancellable between batches. */
  async function runBatches(form: FormDef, fileName: string, batchSize: number, sizes: number[], writeOne: (i: number, undoGroup: string) => Promise<WriteOutcome & { stageDateIssues?: number }>, locale: Locale): Promise<ImportWriteOutcome> {
    const out: ImportWriteOutcome = { status: 'done', batchesDone: 0, totalBatches: sizes.length, inserted: 0, updated: 0, stageDateIssues: 0 }
    const importId = newId()
    cancelled = false
    writing.value = true
    progress.value = 0
    journal.start(importId, fileName, form.id, sizes.length, batchSize, sizes.reduce((a, b) => a + b, 0))
    try {
      for (let i = 0; i < sizes.length; i++) {
        if (cancelled) return { ...out, status: 'cancelled' }
        const res = await writeOne(i, importId)
        if (!res.ok) {
          const first = res.issues[0]?.issues[0]
          return { ...out, status: 'failed', failure: first ? first.message[locale] : 'invalid' }
        }
        if (!res.saved) return { ...out, status: 'failed', failure: res.failure ?? 'storage' }
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
      journal.end(importId)
      writing.value = false
    }
  }

  /** Writes an import plan (updates and inserts) in atomic batches; the whole import undoes as one step. */
  async function write(form: FormDef, plan: ImportPlan, opts: ImportWriteOptions): Promise<ImportWriteOutcome> {
    const batchSize = opts.batchSize ?? IMPORT_BATCH_SIZE
    const batches = importBatches(plan, batchSize)
    const out = await runBatches(form, opts.fileName, batchSize, batches.map(b => b.inserts.length + b.updates.length), (i, undoGroup) => records.importBatch(form.id, batches[i]!, { undoGroup, stageDates: opts.stageDates }), opts.locale ?? 'zh-CN')
    const done = batches.slice(0, out.batchesDone)
    return { ...out, inserted: done.reduce((n, b) => n + b.inserts.length, 0), updated: done.reduce((n, b) => n + b.updates.length, 0) }
  }

  /**
   * Writes records built elsewhere (a stage-history log) with their stage events, in atomic
   * batches of whole records and all their events, journalled like `write`: derived values
   * computed like any new record's, the whole import one undo step.
   */
  async function writeBuilt(form: FormDef, built: readonly RecordRow[], events: readonly StageEvent[], opts: ImportWriteOptions): Promise<ImportWriteOutcome> {
    const batchSize = opts.batchSize ?? IMPORT_BATCH_SIZE
    const chunks: RecordRow[][] = []
    for (let i = 0; i < built.length; i += batchSize) chunks.push(built.slice(i, i + batchSize))
    const ids = chunks.map(c => new Set(c.map(r => r.id)))
    const out = await runBatches(form, opts.fileName, batchSize, chunks.map(c => c.length), (i, undoGroup) => records.importBuilt(form.id, chunks[i]!, events.filter(e => ids[i]!.has(e.recordId)), undoGroup), opts.locale ?? 'zh-CN')
    return { ...out, inserted: chunks.slice(0, out.batchesDone).reduce((n, c) => n + c.length, 0) }
  }

  /** Stops after the batch being written; batches already written stay. */
  function cancel(): void {
    cancelled = true
  }

  return { progress, writing, write, writeBuilt, cancel }
}

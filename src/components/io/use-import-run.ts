import type { ImportPlan, PlanSummary } from '@/core/io'
import type { FormDef } from '@/core/schema/types'
import type { ImportClient, ImportTask } from '@/workers/import-client'
import type { PlanRequest } from '@/workers/import-protocol'
import type { ImportWriteOptions, ImportWriteOutcome } from './use-import-writer'
import { ref, shallowRef } from 'vue'
import { ImportCancelled } from '@/workers/import-client'
import { useImportWriter } from './use-import-writer'

/** Where an import dialog is: editing the mapping, checking every row, reviewing, writing, done. */
export type ImportStep = 'edit' | 'planning' | 'review' | 'writing' | 'done'

/**
 * The check-then-write part of an import: plans every row in the worker, which keeps the plan
 * and posts its summary for review, then writes the plan in batches. Cancel works in both long
 * phases.
 */
export function useImportRun(client: ImportClient) {
  const step = ref<ImportStep>('edit')
  const plan = shallowRef<PlanSummary>()
  const outcome = shallowRef<ImportWriteOutcome>()
  const error = ref('')
  const writer = useImportWriter()
  let task: ImportTask<PlanSummary> | undefined
  /** The worker's id of the reviewed plan: the worker kept it and builds its batches. */
  let planId: number | undefined

  /** Plans the import of every row; on success the step becomes 'review'. */
  async function check(req: PlanRequest): Promise<PlanSummary | undefined> {
    step.value = 'planning'
    error.value = ''
    const current = client.check(req)
    task = current
    try {
      const result = await current.promise
      if (task !== current) return undefined
      plan.value = result
      planId = current.id
      step.value = 'review'
      return result
    }
    catch (err) {
      if (task === current) {
        step.value = 'edit'
        if (!(err instanceof ImportCancelled)) error.value = err instanceof Error ? err.message : String(err)
      }
      return undefined
    }
    finally {
      if (task === current) task = undefined
    }
  }

  /** Writes the reviewed plan; the step becomes 'done' with the outcome. */
  async function write(form: FormDef, opts: ImportWriteOptions): Promise<ImportWriteOutcome | undefined> {
    if (!plan.value || planId === undefined) return undefined
    const summary = plan.value
    // Inserts into a form reading no other form's records: built in the worker while the page
    // commits the batch before (the same batches, ids and journal as the page's own path).
    // Otherwise (updates, lookups of other forms' records) the page takes the whole plan and writes it.
    const inWorker = writer.buildsInWorker(form, summary)
    let whole: ImportPlan | undefined
    if (!inWorker) {
      try {
        whole = await client.planOf(planId).promise
      }
      catch (err) {
        // The worker no longer holds the plan (it stopped): back to the mapping, saying why.
        step.value = 'edit'
        if (!(err instanceof ImportCancelled)) error.value = err instanceof Error ? err.message : String(err)
        return undefined
      }
    }
    step.value = 'writing'
    outcome.value = whole
      ? await writer.write(form, whole, opts)
      : await writer.writeBuiltInWorker(form, summary, planId, client.build, opts)
    step.value = 'done'
    return outcome.value
  }

  /** Stops checking (back to editing) or writing (after the current batch). */
  function cancel(): void {
    if (step.value === 'planning') {
      task?.cancel()
      task = undefined
      step.value = 'edit'
    }
    else if (step.value === 'writing') {
      writer.cancel()
    }
  }

  /** The batch being written, 1-based, and the batch count. */
  function batchOf(): { batch: number, total: number } {
    const total = Math.max(1, writer.batchTotal.value)
    return { batch: Math.min(total, Math.max(1, writer.batch.value)), total }
  }

  return { step, plan, outcome, error, progress: writer.progress, check, write, cancel, batchOf }
}

import type { ImportPlan, RejectedCell } from './import-types'
import { importBatchSize } from './import-batches'
import { importRecordId } from './import-journal'

/**
 * What the page needs of a whole-file plan the import worker keeps: the counts, the lines of the
 * inserts (to tell which landed) and every refused row, but not the inserts' or updates' values.
 * A plan of 100k rows is some 100k objects; posting them to the page and back cost more than
 * anything the page does with them (issue 17).
 */
export interface PlanSummary {
  formId: string
  insertCount: number
  /** The file line of each insert, as `ImportPlan.insertLines`. */
  insertLines: number[]
  updateCount: number
  rejected: RejectedCell[]
  rejectedRows: number
  totalRows: number
  /** Records per batch (`importBatchSize` of the whole plan); a resumed import keeps it. */
  batchSize: number
}

/** The summary of a plan (see `PlanSummary`). */
export function planSummary(plan: ImportPlan): PlanSummary {
  return {
    formId: plan.formId,
    insertCount: plan.inserts.length,
    insertLines: plan.insertLines,
    updateCount: plan.updates.length,
    rejected: plan.rejected,
    rejectedRows: plan.rejectedRows,
    totalRows: plan.totalRows,
    batchSize: importBatchSize(plan),
  }
}

/** How many of a summary's inserts are still to write when `stored` ids of `importId` landed (as `remainingPlan`). */
export function remainingInserts(summary: PlanSummary, importId: string, stored: ReadonlySet<string>): number {
  if (stored.size === 0) return summary.insertCount
  let n = 0
  for (const line of summary.insertLines) if (!stored.has(importRecordId(importId, line))) n++
  return n
}

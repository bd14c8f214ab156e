import type { RecordPatch } from '../records/mutations'
import type { ImportPlan } from './import-types'

/** A slice of an import plan, committed as one atomic transaction. */
export interface ImportBatch {
  /** 0-based batch number. */
  index: number
  total: number
  inserts: Record<string, unknown>[]
  updates: RecordPatch[]
  /** Fraction of the plan done once this batch is committed, 0..1. */
  progress: number
}

/**
 * Cuts a plan into batches of at most `batchSize` records (updates first, then inserts), so a
 * large import commits as several transactions: an interrupted import leaves whole batches,
 * which an `ImportJournal` records. A plan with nothing to write gives no batch.
 */
export function importBatches(plan: ImportPlan, batchSize = 5000): ImportBatch[] {
  if (!(batchSize >= 1)) throw new RangeError('importBatches: batchSize must be at least 1')
  const size = Math.floor(batchSize)
  const count = plan.updates.length + plan.inserts.length
  const total = Math.ceil(count / size)
  const batches: ImportBatch[] = []
  for (let index = 0; index < total; index++) {
    const from = index * size
    const to = Math.min(count, from + size)
    const u = plan.updates.length
    batches.push({
      index,
      total,
      updates: plan.updates.slice(Math.min(from, u), Math.min(to, u)),
      inserts: plan.inserts.slice(Math.max(0, from - u), Math.max(0, to - u)),
      progress: to / count,
    })
  }
  return batches
}

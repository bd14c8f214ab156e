import type { RecordPatch } from '../records/mutations'
import type { ImportPlan } from './import-types'
import { importRecordId } from './import-journal'

/** A slice of an import plan, committed as one atomic transaction. */
export interface ImportBatch {
  /** 0-based batch number. */
  index: number
  total: number
  inserts: Record<string, unknown>[]
  updates: RecordPatch[]
  /** Ids of the new records (aligned with `inserts`), when the import names them by file line. */
  insertIds?: string[]
  /** Fraction of the plan done once this batch is committed, 0..1. */
  progress: number
}

/** Records per batch at most: a batch of up to 1,000 records also fits one WAL entry. */
export const IMPORT_BATCH_RECORDS = 1000
/** Cells per batch at most, so a wide file's batch stays a short task on the page. */
export const IMPORT_BATCH_CELLS = 100_000

/** The batch size for a plan: `IMPORT_BATCH_RECORDS`, fewer when its records are wide. */
export function importBatchSize(plan: ImportPlan): number {
  const first = plan.inserts[0] ?? plan.updates[0]?.values ?? {}
  const width = Math.max(1, Object.keys(first).length)
  return Math.max(1, Math.min(IMPORT_BATCH_RECORDS, Math.floor(IMPORT_BATCH_CELLS / width)))
}

/**
 * The plan less the inserts of `importId` already in the store (`stored` ids), for resuming an
 * interrupted import with the same file: only the rest is written. Updates are kept (writing
 * the same values again changes nothing but the change log).
 */
export function remainingPlan(plan: ImportPlan, importId: string, stored: ReadonlySet<string>): ImportPlan {
  const lines = plan.insertLines
  if (stored.size === 0) return plan
  const keep = lines.map(line => !stored.has(importRecordId(importId, line)))
  return { ...plan, inserts: plan.inserts.filter((_, i) => keep[i]), insertLines: lines.filter((_, i) => keep[i]) }
}

/**
 * Cuts a plan into batches of at most `batchSize` records (updates first, then inserts), so a
 * large import commits as several transactions: an interrupted import leaves whole batches,
 * which an `ImportJournal` records. A plan with nothing to write gives no batch. With an
 * `importId` (and the plan's `insertLines`), new records get the ids `importRecordId` makes, so
 * the store itself tells which rows of the import landed.
 */
export function importBatches(plan: ImportPlan, batchSize = 5000, importId?: string): ImportBatch[] {
  if (!(batchSize >= 1)) throw new RangeError('importBatches: batchSize must be at least 1')
  const size = Math.floor(batchSize)
  const count = plan.updates.length + plan.inserts.length
  const total = Math.ceil(count / size)
  const batches: ImportBatch[] = []
  for (let index = 0; index < total; index++) {
    const from = index * size
    const to = Math.min(count, from + size)
    const u = plan.updates.length
    const lines = plan.insertLines.slice(Math.max(0, from - u), Math.max(0, to - u))
    batches.push({
      index,
      total,
      updates: plan.updates.slice(Math.min(from, u), Math.min(to, u)),
      inserts: plan.inserts.slice(Math.max(0, from - u), Math.max(0, to - u)),
      ...(importId !== undefined ? { insertIds: lines.map(line => importRecordId(importId, line)) } : {}),
      progress: to / count,
    })
  }
  return batches
}

import type { RecordRow } from '../schema/types'
import type { StageSummary } from './summary'
import type { MetricInput } from './types'
import type { RecordColumns } from './record-columns'
import { recordColumns } from './record-columns'

/**
 * Numeric values of `fieldId` for every record, NaN where missing or not numeric
 * (numbers, and strings that parse as a finite number, are accepted).
 * Without a field id, all zeros.
 */
export function numberColumn(records: readonly RecordRow[], fieldId: string | undefined): Float64Array {
  const out = new Float64Array(records.length)
  if (fieldId === undefined) return out
  for (let i = 0; i < records.length; i++) out[i] = toNumber((records[i] as RecordRow).values[fieldId])
  return out
}

/** A value as numberColumn reads it: a finite number, or NaN. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v)
    return Number.isFinite(n) ? n : Number.NaN
  }
  return Number.NaN
}

/** Sums `values` over the indices where `mask` is 1, skipping NaN. */
export function maskedSum(values: Float64Array, mask: Uint8Array): number {
  let s = 0
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 1) {
      const x = values[i] as number
      if (x === x) s += x
    }
  }
  return s
}

interface ColumnCache {
  records: readonly RecordRow[]
  count: number
  columns: Map<string, Float64Array>
  /** The record columns the summary was built from. */
  snapshot?: RecordColumns
}

const bySummary = new WeakMap<StageSummary, ColumnCache>()

/**
 * {@link numberColumn} of `fieldId` over the input's records (read-only: it is the records'
 * column, see record-columns.ts, all zeros without a field). When the input carries a
 * precomputed summary, the column is kept with that summary (same records array and length)
 * and shared by later metrics: read-only, like the summary, it describes the records as of
 * the summary's build (MetricInput.summary).
 */
export function inputColumn(input: MetricInput, fieldId: string | undefined): Float64Array {
  const { records, summary } = input
  if (fieldId === undefined) return new Float64Array(records.length)
  if (summary === undefined) return recordColumns(records).number(fieldId)
  const c = cacheOf(summary, records)
  let col = c.columns.get(fieldId)
  if (col === undefined) c.columns.set(fieldId, col = summaryColumns(records, summary).number(fieldId))
  return col
}

/**
 * The record columns (record-columns.ts) of `records`: with a summary built from them, the
 * snapshot it was built from, kept with it (no compare of the array with the snapshot's rows;
 * like the summary, it describes the records as of its build), else `recordColumns(records)`.
 */
export function summaryColumns(records: readonly RecordRow[], summary: StageSummary | undefined): RecordColumns {
  if (summary === undefined) return recordColumns(records)
  const c = cacheOf(summary, records)
  return c.snapshot ??= recordColumns(records)
}

/** Keeps `snapshot` (the record columns of `records` the summary was built from) with the summary. */
export function keepSnapshot(summary: StageSummary, records: readonly RecordRow[], snapshot: RecordColumns): void {
  cacheOf(summary, records).snapshot = snapshot
}

function cacheOf(summary: StageSummary, records: readonly RecordRow[]): ColumnCache {
  let c = bySummary.get(summary)
  if (c === undefined || c.records !== records || c.count !== records.length) {
    c = { records, count: records.length, columns: new Map() }
    bySummary.set(summary, c)
  }
  return c
}

/** Keeps `column` (numberColumn(records, fieldId), read while the summary was built) with the summary. */
export function keepColumn(summary: StageSummary, records: readonly RecordRow[], fieldId: string, column: Float64Array): void {
  cacheOf(summary, records).columns.set(fieldId, column)
}

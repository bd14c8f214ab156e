import type { RecordRow } from '../schema/types'

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

function toNumber(v: unknown): number {
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

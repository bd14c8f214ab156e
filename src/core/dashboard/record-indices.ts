/** Positions of a subset of a stage input's records (groups keep the records' order). */
import type { RecordRow } from '../schema/types'
import type { StageInput } from './stage-input'

/** Indices in `all` of `subset` when it lists them in the same order, else undefined. */
function mergeIndices(all: readonly RecordRow[], subset: readonly RecordRow[]): Int32Array | undefined {
  const out = new Int32Array(subset.length)
  let i = 0
  for (let j = 0; j < subset.length; j++) {
    const rec = subset[j]
    while (i < all.length && all[i] !== rec) i++
    if (i === all.length) return undefined
    out[j] = i++
  }
  return out
}

function mapIndices(input: StageInput, subset: readonly RecordRow[]): Int32Array {
  const indexOf = input.cached('recordIndex', () => {
    const m = new Map<RecordRow, number>()
    for (let i = 0; i < input.records.length; i++) m.set(input.records[i] as RecordRow, i)
    return m
  })
  return Int32Array.from(subset, rec => indexOf.get(rec) ?? -1)
}

/**
 * Indices in `input.records` of `subset` (-1 for a record not there): one merge walk when the
 * subset keeps the records' order (groups do, so no per-record hashing), else a Map.
 */
export function recordIndices(input: StageInput, subset: readonly RecordRow[]): Int32Array {
  return mergeIndices(input.records, subset) ?? mapIndices(input, subset)
}

/**
 * Dense ranks of one sort column: equal values share a rank, 0..size-1 in ascending order;
 * empty values get `size`, so they come last.
 */
export interface Ranks { ranks: Int32Array, size: number }

/** Ranks numbers (NaN = empty) with one native typed-array sort and a binary search per row. */
export function rankNumbers(values: Float64Array): Ranks {
  const sorted = values.slice().sort()
  let size = 0
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!
    if (Number.isNaN(v)) break
    if (size === 0 || sorted[size - 1] !== v) sorted[size++] = v
  }
  const ranks = new Int32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (Number.isNaN(v)) { ranks[i] = size; continue }
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]! < v) lo = mid + 1
      else hi = mid
    }
    ranks[i] = lo
  }
  return { ranks, size }
}

/** Ranks texts ('' = empty) by code unit; used for keys that are not collated (multiselect positions). */
export function rankCodeUnitTexts(texts: readonly string[]): Ranks {
  const distinct = [...new Set(texts)].filter(t => t !== '').sort()
  const rankOf = new Map(distinct.map((t, i) => [t, i]))
  const size = distinct.length
  const ranks = new Int32Array(texts.length)
  for (let i = 0; i < texts.length; i++) ranks[i] = rankOf.get(texts[i]!) ?? size
  return { ranks, size }
}

/** Flips ranks for a descending sort; empties stay last. */
export function descending({ ranks, size }: Ranks): Ranks {
  const out = new Int32Array(ranks.length)
  for (let i = 0; i < ranks.length; i++) { const r = ranks[i]!; out[i] = r === size ? size : size - 1 - r }
  return { ranks: out, size }
}

/** Mean, median and p90 of a set of durations (ms) or amounts; null when the set is empty. */
export interface Distribution {
  count: number
  mean: number | null
  /** Middle value; the mean of the two middle values for an even count. */
  median: number | null
  /** Nearest-rank 90th percentile: the ceil(0.9 x count)-th smallest value. */
  p90: number | null
}

/**
 * Distribution of the first `count` values of `values` (no NaN), in O(count) time with
 * quickselect; reorders those values in place.
 */
export function distribution(values: Float64Array, count = values.length): Distribution {
  if (count === 0) return { count: 0, mean: null, median: null, p90: null }
  let sum = 0
  for (let i = 0; i < count; i++) sum += values[i] as number
  const mid = count >> 1
  select(values, mid, 0, count - 1)
  let median = values[mid] as number
  if (count % 2 === 0) {
    let below = -Infinity
    for (let i = 0; i < mid; i++) below = Math.max(below, values[i] as number)
    median = (below + median) / 2
  }
  const k90 = Math.ceil(0.9 * count) - 1
  if (k90 > mid) select(values, k90, mid + 1, count - 1)
  return { count, mean: sum / count, median, p90: values[k90] as number }
}

/** Scales every non-null statistic (e.g. ms -> days with 1 / MS_PER_DAY). */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
  const s = (x: number | null): number | null => (x === null ? null : x * factor)
  return { count: d.count, mean: s(d.mean), median: s(d.median), p90: s(d.p90) }
}

/** Places the k-th smallest of a[lo..hi] at a[k], smaller before, larger after (Hoare quickselect). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const m = (lo + hi) >> 1
    // median of three as pivot, avoiding the quadratic case on sorted input
    if ((a[m] as number) < (a[lo] as number)) swap(a, m, lo)
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo)
    if ((a[hi] as number) < (a[m] as number)) swap(a, hi, m)
    const pivot = a[m] as number
    let i = lo
    let j = hi
    while (i <= j) {
      while ((a[i] as number) < pivot) i++
      while ((a[j] as number) > pivot) j--
      if (i <= j) swap(a, i++, j--)
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number
  a[i] = a[j] as number
  a[j] = t
}

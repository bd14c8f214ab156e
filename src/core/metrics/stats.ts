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
 * Floyd-Rivest selection; reorders those values in place.
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

/**
 * Places the k-th smallest of a[lo..hi] at a[k], smaller before, larger after (Floyd-Rivest
 * selection: on large ranges it first selects within a sample-sized range around k, so the
 * final partition starts from a pivot close to the k-th value; about 1.5 n comparisons).
 */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    if (hi - lo > 600) {
      const n = hi - lo + 1
      const m = k - lo + 1
      const z = Math.log(n)
      const s = 0.5 * Math.exp(2 * z / 3)
      const sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * (m - n / 2 < 0 ? -1 : 1)
      select(a, k, Math.max(lo, Math.floor(k - m * s / n + sd)), Math.min(hi, Math.floor(k + (n - m) * s / n + sd)))
    }
    const t = a[k] as number
    let i = lo
    let j = hi
    swap(a, lo, k)
    if ((a[hi] as number) > t) swap(a, lo, hi)
    while (i < j) {
      swap(a, i++, j--)
      while ((a[i] as number) < t) i++
      while ((a[j] as number) > t) j--
    }
    if (a[lo] === t) swap(a, lo, j)
    else swap(a, ++j, hi)
    if (j <= k) lo = j + 1
    if (k <= j) hi = j - 1
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number
  a[i] = a[j] as number
  a[j] = t
}

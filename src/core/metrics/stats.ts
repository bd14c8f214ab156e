import { scratch } from './scratch'

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
 * Distribution of the first `count` values of `values` (no NaN), in O(count) time; may reorder
 * those values in place. Small sets use Floyd-Rivest selection in place; large ones a radix
 * select (see {@link radixDistribution}). Either way the figures are the exact order
 * statistics, and the mean is summed in the values' order.
 */
export function distribution(values: Float64Array, count = values.length): Distribution {
  if (count === 0) return { count: 0, mean: null, median: null, p90: null }
  if (count >= RADIX_MIN && LITTLE_ENDIAN) return radixDistribution(values, count)
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

/** From this many values on, {@link distribution} selects by radix (below, the histogram's fixed costs outweigh it). */
const RADIX_MIN = 4096
/** The radix select reads each double's high 32-bit word at index 2i + 1 of a Uint32Array view. */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([-0]).buffer)[7] === 0x80
/** Values per 16-bit key: sign, exponent and the top 4 mantissa bits of a double, in numeric order. */
const histogram = new Uint32Array(65536)

/**
 * {@link distribution} without moving values: one pass sums them and counts them per 16-bit
 * key (a double's bits, the sign folded so keys sort as numbers do); the histogram tells which
 * key holds each wanted rank (median, its lower neighbour for an even count, p90) and how many
 * values lie below it; a second pass copies only the values of those (at most 3) keys, and the
 * ranks are selected among them. Same figures as sorting: the k-th smallest value is the same
 * number whichever way it is found.
 */
function radixDistribution(values: Float64Array, count: number): Distribution {
  const hi = new Uint32Array(values.buffer, values.byteOffset, count * 2)
  const hist = histogram
  hist.fill(0)
  let sum = 0
  for (let i = 0; i < count; i++) {
    sum += values[i] as number
    const h = hi[2 * i + 1] as number
    hist[(h ^ ((h >> 31) | 0x80000000)) >>> 16]!++
  }
  const mid = count >> 1
  const k90 = Math.ceil(0.9 * count) - 1
  const ranks = count % 2 === 0 ? [mid - 1, mid, k90] : [mid, mid, k90]
  // key and values-below of each rank's bucket (ranks ascend, so one walk finds all three)
  const key = [0, 0, 0]
  const below = [0, 0, 0]
  let r = 0
  let acc = 0
  for (let b = 0; b < 65536 && r < 3; b++) {
    const c = hist[b] as number
    while (r < 3 && (ranks[r] as number) < acc + c) {
      key[r] = b
      below[r++] = acc
    }
    acc += c
  }
  // the copy holds one region per distinct key, in key order (equal keys are neighbours in `key`)
  const start = [0, 0, 0]
  let size = 0
  for (let j = 0; j < 3; j++) {
    if (j > 0 && key[j] === key[j - 1]) start[j] = start[j - 1] as number
    else {
      start[j] = size
      size += hist[key[j] as number] as number
    }
  }
  const buf = scratch('stats.radix', Float64Array, size)
  const k0 = key[0] as number
  const k1 = key[1] === k0 ? -1 : key[1] as number
  const k2 = key[2] === key[1] ? -1 : key[2] as number
  let p0 = start[0] as number
  let p1 = start[1] as number
  let p2 = start[2] as number
  for (let i = 0; i < count; i++) {
    const h = hi[2 * i + 1] as number
    const k = (h ^ ((h >> 31) | 0x80000000)) >>> 16
    if (k === k0) buf[p0++] = values[i] as number
    else if (k === k1) buf[p1++] = values[i] as number
    else if (k === k2) buf[p2++] = values[i] as number
  }
  const valueAt = (j: number): number => {
    const lo = start[j] as number
    const local = lo + (ranks[j] as number) - (below[j] as number)
    select(buf, local, lo, lo + (hist[key[j] as number] as number) - 1)
    return buf[local] as number
  }
  const m0 = valueAt(0)
  const median = count % 2 === 0 ? (m0 + valueAt(1)) / 2 : m0
  return { count, mean: sum / count, median, p90: valueAt(2) }
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

/** Timing helpers: warm-up, repeated runs, median and p95 (nearest rank). */

/** Summary of repeated timings, in ms. */
export interface Timing {
  median: number
  p95: number
  runs: number[]
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Runs thrown away first (JIT, caches). @default 1 */
  warmup?: number
  /** Timed runs. @default 5 */
  runs?: number
}

/** Median and nearest-rank p95 of `xs` (ms, rounded to 0.01). */
export function summarize(xs: readonly number[]): Timing {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  const p95 = s[Math.max(0, Math.ceil(0.95 * s.length) - 1)]!
  return { median: round(median), p95: round(p95), runs: xs.map(round) }
}

export function round(x: number): number {
  return Math.round(x * 100) / 100
}

/**
 * Times every function of `fns` `runs` times after `warmup` untimed rounds, interleaving them
 * (A B C A B C ...) so a noisy neighbour on a shared machine hurts all sides alike. Each
 * function returns its own elapsed ms (so set-up can stay outside the timed part), or
 * nothing, in which case the whole call is timed.
 */
export async function measureAll<K extends string>(
  fns: Record<K, () => Promise<number | void> | number | void>,
  options: MeasureOptions = {},
): Promise<Record<K, Timing>> {
  const { warmup = 1, runs = 5 } = options
  const keys = Object.keys(fns) as K[]
  const times = Object.fromEntries(keys.map(k => [k, [] as number[]])) as Record<K, number[]>
  for (let round = 0; round < warmup + runs; round++) {
    for (const k of keys) {
      const t0 = performance.now()
      const own = await fns[k]()
      const ms = typeof own === 'number' ? own : performance.now() - t0
      if (round >= warmup) times[k].push(ms)
    }
  }
  return Object.fromEntries(keys.map(k => [k, summarize(times[k])])) as Record<K, Timing>
}

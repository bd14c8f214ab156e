/** The Wilson score interval of a proportion (successes out of n). */
export interface Interval {
  low: number
  high: number
}

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054

/**
 * Wilson score interval for `x` successes out of `n` trials (Wilson 1927): centre
 * (p + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · √(p(1−p)/n + z²/4n²). Unlike the
 * normal interval it stays inside 0..1 and is sensible near 0 % and 100 %. Null when n is 0.
 */
export function wilsonInterval(x: number, n: number, z = Z95): Interval | null {
  if (!(n > 0) || !(x >= 0) || x > n) return null
  const p = x / n
  const z2 = z * z
  const d = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / d
  const half = (z / d) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) }
}

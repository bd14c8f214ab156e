import type { Ratio } from './types'

/** num / den, or null ("no data") when den is 0 or either side is not a finite number. */
export function ratio(num: number, den: number): Ratio {
  if (den === 0 || !Number.isFinite(num) || !Number.isFinite(den)) return null
  return num / den
}

/** Renders a ratio as a percentage, e.g. 0.6315 -> '63.2%'; null -> '—'. */
export function formatRatio(r: Ratio | undefined, digits = 1): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return '—'
  return `${(r * 100).toFixed(digits)}%`
}

/** Helpers shared by numeric functions: argument conversion and decimal-safe rounding. */
import { toNumber } from '../coerce'
import type { ErrorValue, FormulaValue } from '../values'
import { errorValue, isError, round15 } from '../values'

/** Converts arguments to numbers; missing optional ones take `defaults` (by index). */
export function numbers(args: readonly FormulaValue[], defaults: readonly number[] = []): number[] | ErrorValue {
  const out: number[] = []
  const count = Math.max(args.length, defaults.length)
  for (let i = 0; i < count; i++) {
    const arg = args[i]
    if (arg === undefined) {
      out.push(defaults[i] ?? 0)
      continue
    }
    const n = toNumber(arg)
    if (isError(n)) return n
    out.push(n)
  }
  return out
}

/** Multiplies by 10^digits exactly on the decimal text, avoiding binary drift (2.675 -> 267.5). */
function shift(x: number, digits: number): number {
  const text = String(x)
  const e = text.indexOf('e')
  if (e < 0) return Number(`${text}e${digits}`)
  return Number(`${text.slice(0, e)}e${Number(text.slice(e + 1)) + digits}`)
}

/** Rounds to `digits` decimals with a rounding of the scaled magnitude: half away from zero, up or down. */
export function roundTo(x: number, digits: number, mode: 'half' | 'up' | 'down'): number {
  const d = Math.trunc(digits)
  // An integer of at most 15 digits has nothing to round at 0..20 decimals (the decimal text
  // shifts there and back exactly); 0 comes back as +0, as below.
  if (Number.isInteger(x) && x < 1e15 && x > -1e15 && d >= 0 && d <= 20) return x === 0 ? 0 : x
  const magnitude = Math.abs(round15(x))
  const scaled = round15(shift(magnitude, d))
  const rounded = mode === 'half' ? Math.round(scaled) : mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled)
  const result = shift(rounded, -d)
  return x < 0 ? -result : result
}

/** x^y with Excel's error cases: 0^0 and roots of negatives #NUM!, 0^-n #DIV/0!. */
export function power(x: number, y: number): number | ErrorValue {
  if (x === 0 && y === 0) return errorValue('#NUM!')
  if (x === 0 && y < 0) return errorValue('#DIV/0!')
  const r = x ** y
  return Number.isFinite(r) ? r : errorValue('#NUM!')
}

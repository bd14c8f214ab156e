/**
 * Excel comparison: numbers (and dates) < text < logical values; text is compared without
 * case; empty compares as 0, '' or FALSE depending on the other side.
 */
import { parseDateText } from './dates'
import type { ErrorValue, FormulaValue, Scalar } from './values'
import { errorValue, isDate, isError, round15 } from './values'

function rank(v: Exclude<Scalar, null>): number {
  if (typeof v === 'string') return 1
  if (typeof v === 'boolean') return 2
  return 0
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0
}

function emptyLike(other: Scalar): Scalar {
  if (typeof other === 'string') return ''
  if (typeof other === 'boolean') return false
  if (typeof other === 'number') return 0
  return null
}

function serial(v: Scalar): number {
  if (typeof v === 'number') return round15(v)
  if (isDate(v)) return v.day * 86_400_000 + v.ms
  return 0
}

/** -1, 0 or 1, or an error (errors propagate, lists cannot be compared). */
export function compareValues(a: FormulaValue, b: FormulaValue, timeZone?: string): number | ErrorValue {
  if (isError(a)) return a
  if (isError(b)) return b
  if (Array.isArray(a) || Array.isArray(b)) return errorValue('#VALUE!')
  let x: Scalar = a === null ? emptyLike(b) : a
  let y: Scalar = b === null ? emptyLike(a) : b
  if (x === null && y === null) return 0
  if (x === null) return -1
  if (y === null) return 1
  // A date against date text compares as dates: {签约日期} > "2026-01-01".
  if (isDate(x) && typeof y === 'string') y = parseDateText(y, timeZone) ?? y
  if (isDate(y) && typeof x === 'string') x = parseDateText(x, timeZone) ?? x
  const rx = rank(x as Exclude<Scalar, null>)
  const ry = rank(y as Exclude<Scalar, null>)
  if (rx !== ry) return sign(rx - ry)
  if (typeof x === 'string' && typeof y === 'string') {
    const lx = x.toLowerCase()
    const ly = y.toLowerCase()
    return lx < ly ? -1 : lx > ly ? 1 : 0
  }
  if (typeof x === 'boolean' && typeof y === 'boolean') return sign(Number(x) - Number(y))
  if (isDate(x) && !isDate(y)) return sign(x.day + x.ms / 86_400_000 - round15(y as number))
  if (isDate(y) && !isDate(x)) return sign(round15(x as number) - (y.day + y.ms / 86_400_000))
  return sign(serial(x) - serial(y))
}

/** Excel `=`: true when the values compare equal (text case-insensitive); errors propagate. */
export function valuesEqual(a: FormulaValue, b: FormulaValue, timeZone?: string): boolean | ErrorValue {
  const c = compareValues(a, b, timeZone)
  return isError(c) ? c : c === 0
}

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { round15 } from '../../../../src/core/formula/values'
import { roundTo } from '../../../../src/core/formula/functions/numbers'

// The rounding as it was before the integer fast paths (issue 17): the reference.
function round15Ref(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n
  return Number.parseFloat(n.toPrecision(15))
}
function shiftRef(x: number, digits: number): number {
  const [mantissa, exponent] = String(x).split('e')
  return Number(`${mantissa}e${Number(exponent ?? 0) + digits}`)
}
function roundToRef(x: number, digits: number, mode: 'half' | 'up' | 'down'): number {
  const d = Math.trunc(digits)
  const magnitude = Math.abs(round15Ref(x))
  const scaled = round15Ref(shiftRef(magnitude, d))
  const rounded = mode === 'half' ? Math.round(scaled) : mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled)
  const result = shiftRef(rounded, -d)
  return x < 0 ? -result : result
}

const edges = [0, -0, 1, -1, 1e15, -1e15, 1e15 - 1, -(1e15 - 1), 1e15 + 2, 2 ** 53, -(2 ** 53), 1e21, 1e300, 5e-324, 0.1, 2.675, -2.675, Number.NaN, Infinity, -Infinity]
/** Integers near and beyond the fast path's bounds, decimals, and doubles of every size. */
const number = fc.oneof(
  fc.constantFrom(...edges),
  fc.maxSafeInteger(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 12 })).map(([m, e]) => m * 10 ** e),
  fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 1, max: 6 })).map(([m, e]) => m / 10 ** e),
  fc.double(),
)
const digits = fc.oneof(fc.integer({ min: -20, max: 30 }), fc.double({ min: -30, max: 30 }), fc.constantFrom(Number.NaN, 300, 400))

describe('integer fast paths of the formula rounding', () => {
  it('round15 gives what the 15-digit text rounding gives (same sign of zero)', () => {
    fc.assert(fc.property(number, n => Object.is(round15(n), round15Ref(n))), { numRuns: 20_000 })
  })

  it('roundTo gives what the decimal-text rounding gives, in every mode', () => {
    fc.assert(fc.property(number, digits, fc.constantFrom('half', 'up', 'down') as fc.Arbitrary<'half' | 'up' | 'down'>, (x, d, mode) => Object.is(roundTo(x, d, mode), roundToRef(x, d, mode))), { numRuns: 20_000 })
  })

  it('keeps the documented cases', () => {
    expect(roundTo(2.675, 2, 'half')).toBe(2.68)
    expect(round15(0.1 + 0.2)).toBe(0.3)
    expect(Object.is(roundTo(-0, 2, 'half'), 0)).toBe(true)
    expect(roundTo(146000, 2, 'half')).toBe(146000)
  })
})

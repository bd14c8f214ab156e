import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { distribution } from '../../../../src/core/metrics'

function bySorting(xs: number[]) {
  const v = [...xs].sort((a, b) => a - b)
  const n = v.length
  const mid = n >> 1
  return {
    count: n,
    mean: xs.reduce((a, b) => a + b, 0) / n,
    median: n % 2 === 1 ? v[mid] : (v[mid - 1]! + v[mid]!) / 2,
    p90: v[Math.ceil(0.9 * n) - 1],
  }
}

describe('stats', () => {
  describe('distribution', () => {
    it('should agree with a full sort for any input, duplicates included', () => {
      fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 200 }), (xs) => {
        const d = distribution(Float64Array.from(xs))
        const e = bySorting(xs)
        expect(d.median).toBe(e.median)
        expect(d.p90).toBe(e.p90)
        expect(d.mean).toBeCloseTo(e.mean, 9)
      }))
    })

    it('should use only the first count values and give nulls for none', () => {
      expect(distribution(Float64Array.from([5, 1, 9, 100]), 3)).toEqual({ count: 3, mean: 5, median: 5, p90: 9 })
      expect(distribution(new Float64Array(4), 0)).toEqual({ count: 0, mean: null, median: null, p90: null })
    })
  })
})

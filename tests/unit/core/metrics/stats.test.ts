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

    it('should agree with a full sort on large sets (sampled selection), skewed, sorted or full of ties', () => {
      fc.assert(fc.property(
        fc.integer({ min: 8192, max: 30000 }),
        fc.constantFrom('uniform', 'ties', 'sorted', 'reversed', 'skewed', 'constant'),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (n, shape, seed) => {
          let x = seed
          const rnd = (): number => (x = (x * 48271) % 2147483647) / 2147483647
          let xs = Array.from({ length: n }, () => {
            if (shape === 'ties') return Math.floor(rnd() * 5)
            if (shape === 'skewed') return Math.floor(Math.exp(rnd() * 20))
            if (shape === 'constant') return 7
            return Math.floor(rnd() * 1e9)
          })
          if (shape === 'sorted') xs = xs.sort((a, b) => a - b)
          if (shape === 'reversed') xs = xs.sort((a, b) => b - a)
          const d = distribution(Float64Array.from(xs))
          const e = bySorting(xs)
          expect(d.median).toBe(e.median)
          expect(d.p90).toBe(e.p90)
          expect(d.mean).toBeCloseTo(e.mean, 6)
        },
      ), { numRuns: 40 })
    })

    it('should give exactly the figures of a full sort on large sets of any doubles: negatives, fractions, infinities, near neighbours', () => {
      // from 4096 values on the order statistics are found by radix (16-bit keys of the doubles'
      // bits): values differing only in low mantissa bits share a key, negatives sort reversed
      const near = fc.tuple(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 1000 }))
        .map(([b, k]) => b + k * Math.max(Math.abs(b), 1) * 2 ** -40)
      const value = fc.oneof(fc.double({ noNaN: true }), near, fc.integer({ min: 0, max: 10 * 86_400_000 }), fc.constantFrom(Infinity, -Infinity, 0))
        .map(x => (x === 0 ? 0 : x))
      fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), fc.integer({ min: 4096, max: 9000 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (pool, n, seed) => {
        let x = seed
        const rnd = (): number => (x = (x * 48271) % 2147483647) / 2147483647
        // a third from the pool (ties, neighbours), the rest spread over magnitudes and signs
        const xs = Array.from({ length: n }, () => (rnd() < 1 / 3 ? pool[Math.floor(rnd() * pool.length)]! : (rnd() - 0.3) * 10 ** (rnd() * 12)))
        const d = distribution(Float64Array.from(xs))
        const e = bySorting(xs)
        expect([d.count, d.median, d.p90, d.mean]).toEqual([e.count, e.median, e.p90, e.mean])
      }), { numRuns: 60 })
    })

    it('should give the same figures when only part of a large buffer counts, whatever its order', () => {
      const xs = Array.from({ length: 20000 }, (_, i) => (i * 7919) % 10007)
      // values clustered by position: the first half small, the second half large
      const clustered = [...xs.slice(0, 10000).map(v => v % 100), ...xs.slice(10000).map(v => 1e6 + v)]
      const d = distribution(Float64Array.from([...clustered, -1, -1, -1]), clustered.length)
      const e = bySorting(clustered)
      expect([d.median, d.p90]).toEqual([e.median, e.p90])
    })

    it('should use only the first count values and give nulls for none', () => {
      expect(distribution(Float64Array.from([5, 1, 9, 100]), 3)).toEqual({ count: 3, mean: 5, median: 5, p90: 9 })
      expect(distribution(new Float64Array(4), 0)).toEqual({ count: 0, mean: null, median: null, p90: null })
    })
  })
})

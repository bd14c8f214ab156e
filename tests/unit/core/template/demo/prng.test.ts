import { describe, expect, it } from 'vitest'
import { createRng } from '../../../../../src/core/template/demo/prng'

describe('demo/prng', () => {
  describe('createRng', () => {
    it('should repeat its stream for the same seed and differ for a nearby seed', () => {
      const a = createRng(1)
      const b = createRng(1)
      const c = createRng(2)
      const xs = Array.from({ length: 5 }, () => a.next())
      expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
      expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
    })

    it('should stay within the bounds of int and next', () => {
      const rng = createRng(9)
      const ints = new Set<number>()
      for (let i = 0; i < 2000; i++) {
        const x = rng.next()
        expect(x >= 0 && x < 1).toBe(true)
        ints.add(rng.int(1, 3))
      }
      expect([...ints].sort()).toEqual([1, 2, 3])
    })

    it('should pick by weight and sample log-normal around the median', () => {
      const rng = createRng(5)
      let heavy = 0
      const samples: number[] = []
      for (let i = 0; i < 4000; i++) {
        if (rng.weighted([['a', 3], ['b', 1]] as const) === 'a') heavy++
        samples.push(rng.logNormal(10, 0.5))
      }
      expect(heavy / 4000).toBeCloseTo(0.75, 1)
      samples.sort((x, y) => x - y)
      expect(samples[2000]).toBeGreaterThan(9)
      expect(samples[2000]).toBeLessThan(11)
    })
  })
})

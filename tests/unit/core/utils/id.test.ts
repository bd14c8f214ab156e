import fc from 'fast-check'
import { urlAlphabet } from 'nanoid'
import { describe, expect, it, vi } from 'vitest'
import { idOfBytes, newFieldId, newId } from '../../../../src/core/utils/id'

describe('id', () => {
  describe('newId', () => {
    it('should give 12 URL-safe characters', () => {
      for (let i = 0; i < 1000; i++) expect(newId()).toMatch(/^[\w-]{12}$/)
    })

    it('should never repeat an id across many pool refills', () => {
      const ids = new Set<string>()
      for (let i = 0; i < 50_000; i++) ids.add(newId())
      expect(ids.size).toBe(50_000)
    })

    it('should use every character of the alphabet at every position', () => {
      const seen = Array.from({ length: 12 }, () => new Set<string>())
      for (let i = 0; i < 20_000; i++) [...newId()].forEach((c, p) => seen[p]!.add(c))
      for (const s of seen) expect(s.size).toBe(64)
    })

    it('should spell the bytes as the one-letter-at-a-time loop did', () => {
      // the loop newId used before issue 17 (one string concatenation per letter)
      const byLoop = (b: Uint8Array, at: number) => {
        let id = ''
        for (let i = 0; i < 12; i++) id += urlAlphabet[b[at + i]! & 63]
        return id
      }
      fc.assert(fc.property(fc.uint8Array({ minLength: 12, maxLength: 64 }), fc.nat(), (bytes, n) => {
        const at = n % (bytes.length - 11)
        return idOfBytes(bytes, at) === byLoop(bytes, at)
      }), { numRuns: 5000 })
    })

    it('should take its letters from the random pool in order', () => {
      const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) & 255)
      const spy = vi.spyOn(crypto, 'getRandomValues').mockImplementation((a: ArrayBufferView<ArrayBuffer>) => {
        ;(a as Uint8Array).set(bytes)
        return a
      })
      try {
        // ids until the pool is refilled from the stub: that id is the new pool's first
        let first = ''
        for (let i = 0; i <= 341 && spy.mock.calls.length === 0; i++) first = newId()
        const ids = [first, ...Array.from({ length: 340 }, () => newId())]
        expect(spy).toHaveBeenCalledTimes(1)
        expect(ids).toEqual(Array.from({ length: 341 }, (_, k) => idOfBytes(bytes, k * 12)))
      }
      finally {
        spy.mockRestore()
      }
    })
  })

  describe('newFieldId', () => {
    it('should start with f_ and hold lower-case letters and digits', () => {
      expect(newFieldId()).toMatch(/^f_[a-z0-9]{8}$/)
    })
  })
})

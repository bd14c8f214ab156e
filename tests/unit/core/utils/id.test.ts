import { describe, expect, it } from 'vitest'
import { newFieldId, newId } from '../../../../src/core/utils/id'

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
  })

  describe('newFieldId', () => {
    it('should start with f_ and hold lower-case letters and digits', () => {
      expect(newFieldId()).toMatch(/^f_[a-z0-9]{8}$/)
    })
  })
})

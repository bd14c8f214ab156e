import { describe, expect, it } from 'vitest'
import { StorageError } from '../../../../src/core/storage/adapter'
import { clonePlain } from '../../../../src/core/storage/clone'

describe('clone', () => {
  describe('clonePlain', () => {
    it('should copy plain data deeply', () => {
      const value = { a: [1, { b: 'x' }] }
      const copy = clonePlain(value, 'x')
      expect(copy).toEqual(value)
      expect(copy.a).not.toBe(value.a)
    })

    it('should reject a function with an invalid-data StorageError naming what was stored', () => {
      const err = (() => {
        try {
          clonePlain({ f: () => 1 }, 'the transaction')
        }
        catch (e) {
          return e
        }
      })()
      expect(err).toBeInstanceOf(StorageError)
      expect((err as StorageError).code).toBe('invalid')
      expect((err as StorageError).message).toContain('Cannot store the transaction')
    })
  })
})

import { describe, expect, it } from 'vitest'
import { StorageError } from '../../../src/core/storage/adapter'
import { toStorageError } from '../../../src/storage/storage-errors'

describe('storage-errors', () => {
  describe('toStorageError', () => {
    it.each([
      [new DOMException('full', 'QuotaExceededError'), 'quota'],
      [Object.assign(new Error('x'), { code: 22 }), 'quota'],
      [new Error('Quota exceeded for origin'), 'quota'],
      [new DOMException('old', 'VersionError'), 'blocked'],
      [new Error('open request was blocked'), 'blocked'],
      [new Error('No available storage method found.'), 'unavailable'],
      [new DOMException('proxy', 'DataCloneError'), 'invalid'],
      [new Error('disk on fire'), 'unknown'],
    ])('should map %o to %s', (err, code) => {
      expect(toStorageError(err, 'save').code).toBe(code)
    })

    it('should say what could not be done and keep the cause', () => {
      const cause = new DOMException('full', 'QuotaExceededError')
      const err = toStorageError(cause, 'save your changes')
      expect(err.message).toContain('could not save your changes')
      expect(err.cause).toBe(cause)
    })

    it('should pass a StorageError through unchanged', () => {
      const err = new StorageError('invalid', 'bad')
      expect(toStorageError(err, 'save')).toBe(err)
    })
  })
})

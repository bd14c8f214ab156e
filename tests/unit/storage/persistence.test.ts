import { afterEach, describe, expect, it, vi } from 'vitest'
import { estimateStorage, requestPersistentStorage } from '../../../src/storage/persistence'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('persistence', () => {
  describe('requestPersistentStorage', () => {
    it('should say unsupported when the browser has no storage manager', async () => {
      vi.stubGlobal('navigator', {})
      expect(await requestPersistentStorage()).toBe('unsupported')
    })

    it('should report what the browser decided', async () => {
      vi.stubGlobal('navigator', { storage: { persist: async () => true } })
      expect(await requestPersistentStorage()).toBe('granted')
      vi.stubGlobal('navigator', { storage: { persist: async () => false } })
      expect(await requestPersistentStorage()).toBe('denied')
    })
  })

  describe('estimateStorage', () => {
    it('should return usage and quota, or undefined when unknown', async () => {
      vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 10, quota: 100 }) } })
      expect(await estimateStorage()).toEqual({ usage: 10, quota: 100 })
      vi.stubGlobal('navigator', {})
      expect(await estimateStorage()).toBeUndefined()
    })
  })
})

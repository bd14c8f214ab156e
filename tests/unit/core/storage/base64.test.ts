import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from '../../../../src/core/storage/base64'

describe('base64', () => {
  describe('bytesToBase64', () => {
    it('should match the standard encoding (Node Buffer) for any bytes', () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      }))
    })
  })

  describe('base64ToBytes', () => {
    it('should give back the encoded bytes', () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(new Uint8Array(bytes))
      }))
    })

    it('should refuse text that is not base64', () => {
      for (const bad of ['abc', 'ab!=', '====', 'a=bc', '中文中文']) expect(base64ToBytes(bad)).toBeNull()
    })
  })
})

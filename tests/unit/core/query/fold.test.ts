import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldCaseFast, isCaseless, isRigidWord } from '../../../../src/core/query/fold'

describe('query/fold', () => {
  describe('foldCaseFast', () => {
    it('should give what toLowerCase gives for any text', () => {
      const mixed = fc.array(fc.constantFrom('系', '统', 'A', 'z', '9', '，', 'Σ', 'İ', 'É', 'Ａ', '\u3000', '𐐀'), { maxLength: 12 }).map(a => a.join(''))
      fc.assert(fc.property(mixed, (s) => { expect(foldCaseFast(s)).toBe(s.toLowerCase()) }))
      fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => { expect(foldCaseFast(s)).toBe(s.toLowerCase()) }))
      expect(foldCaseFast('系统 ABC')).toBe('系统 abc')
      expect(foldCaseFast('ΟΔΟΣ İ')).toBe('ΟΔΟΣ İ'.toLowerCase())
    }, 60_000)
  })

  describe('isCaseless', () => {
    it('should hold only for characters lower-casing leaves alone', () => {
      for (let c = 0; c < 0x10000; c++) {
        if (isCaseless(c)) expect(String.fromCharCode(c).toLowerCase()).toBe(String.fromCharCode(c))
      }
    }, 60_000)
  })

  describe('isRigidWord', () => {
    it('should hold only for words no other character folds into', () => {
      const rigid = new Set<number>()
      for (let c = 0; c < 0x10000; c++) if (isRigidWord(String.fromCharCode(c))) rigid.add(c)
      expect(rigid.has('系'.charCodeAt(0)) && rigid.has('7'.charCodeAt(0)) && !rigid.has('a'.charCodeAt(0))).toBe(true)
      for (let cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue
        const ch = String.fromCodePoint(cp)
        const lower = ch.toLowerCase()
        for (let i = 0; i < lower.length; i++) {
          if (rigid.has(lower.charCodeAt(i))) expect(lower).toBe(ch)
        }
      }
    }, 60_000)
  })
})

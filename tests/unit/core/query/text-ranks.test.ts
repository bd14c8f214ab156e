import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rankCollatedTexts } from '../../../../src/core/query/text-ranks'

const collator = new Intl.Collator('zh-CN', { sensitivity: 'base' })
const ALPHABET = [...'张王李陈赵阿安白波长重行银AaBbZz0129 -_.,（）：Éé']
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 8 }).map(cs => cs.join(''))

describe('query/text-ranks', () => {
  describe('rankCollatedTexts', () => {
    it('should order any texts exactly as Intl.Collator zh-CN at base strength does', () => {
      fc.assert(fc.property(fc.array(text, { maxLength: 60 }), (texts) => {
        const { ranks, size } = rankCollatedTexts(texts)
        for (let i = 0; i < texts.length; i++) {
          for (let j = 0; j < texts.length; j++) {
            const a = texts[i]!
            const b = texts[j]!
            if (a === '' || b === '') continue
            expect(Math.sign(ranks[i]! - ranks[j]!)).toBe(Math.sign(collator.compare(a, b)))
          }
          if (texts[i] === '') expect(ranks[i]).toBe(size)
        }
      }), { numRuns: 200 })
    })

    it('should keep collation order when there are too many distinct texts to collect', () => {
      const texts = Array.from({ length: 60_000 }, (_, i) => `${ALPHABET[i % ALPHABET.length]}${ALPHABET[(i * 7) % ALPHABET.length]}${i % 9973}`)
      texts.push('', texts[5]!.toUpperCase())
      const { ranks, size } = rankCollatedTexts(texts)
      const order = texts.map((_, i) => i).filter(i => texts[i] !== '').sort((a, b) => ranks[a]! - ranks[b]!)
      for (let k = 1; k < order.length; k++) {
        const a = texts[order[k - 1]!]!
        const b = texts[order[k]!]!
        expect(Math.sign(ranks[order[k]!]! - ranks[order[k - 1]!]!)).toBe(Math.sign(collator.compare(b, a)))
      }
      expect(ranks[texts.length - 2]).toBe(size)
      expect(ranks[texts.length - 1]).toBe(ranks[5])
    })

    it('should put Chinese in pinyin order and tie texts that differ only in case or accents', () => {
      const { ranks } = rankCollatedTexts(['张三', '阿里', 'apple', 'Apple', '李四', 'Äpple', ''])
      expect(Array.from(ranks)).toEqual([2, 0, 3, 3, 1, 3, 4])
    })
  })
})

import { describe, expect, it } from 'vitest'
import { cond, field, matchIds, records } from '../../../fixtures/query'

const fields = [field('money', 'amount'), field('percent', 'pct'), field('rating', 'stars')]
const rows = records({
  zero: { amount: 0 },
  small: { amount: 99.5 },
  hundred: { amount: 100 },
  big: { amount: 2500 },
  neg: { amount: -10 },
  none: {},
  nul: { amount: null },
})

describe('query/compile-filter', () => {
  describe('compileFilter on number fields', () => {
    it('should compare with eq / ne, empty values only matching ne', () => {
      expect(matchIds(cond('amount', 'eq', 100), rows, fields)).toEqual(['hundred'])
      expect(matchIds(cond('amount', 'eq', 0), rows, fields)).toEqual(['zero'])
      expect(matchIds(cond('amount', 'ne', 100), rows, fields)).toEqual(['zero', 'small', 'big', 'neg', 'none', 'nul'])
    })

    it('should compare with gt / gte / lt / lte and never match empty values', () => {
      expect(matchIds(cond('amount', 'gt', 100), rows, fields)).toEqual(['big'])
      expect(matchIds(cond('amount', 'gte', 100), rows, fields)).toEqual(['hundred', 'big'])
      expect(matchIds(cond('amount', 'lt', 0), rows, fields)).toEqual(['neg'])
      expect(matchIds(cond('amount', 'lte', 0), rows, fields)).toEqual(['zero', 'neg'])
    })

    it('should match between inclusively, in either bound order, with an open end', () => {
      expect(matchIds(cond('amount', 'between', [0, 100]), rows, fields)).toEqual(['zero', 'small', 'hundred'])
      expect(matchIds(cond('amount', 'between', [100, 0]), rows, fields)).toEqual(['zero', 'small', 'hundred'])
      expect(matchIds(cond('amount', 'between', [100, null]), rows, fields)).toEqual(['hundred', 'big'])
      expect(matchIds(cond('amount', 'between', [null, -1]), rows, fields)).toEqual(['neg'])
    })

    it('should match in / notIn', () => {
      expect(matchIds(cond('amount', 'in', [0, 2500]), rows, fields)).toEqual(['zero', 'big'])
      expect(matchIds(cond('amount', 'notIn', [0, 2500]), rows, fields)).toEqual(['small', 'hundred', 'neg', 'none', 'nul'])
    })

    it('should count 0 as a value and null / undefined as empty', () => {
      expect(matchIds(cond('amount', 'empty'), rows, fields)).toEqual(['none', 'nul'])
      expect(matchIds(cond('amount', 'notEmpty'), rows, fields)).toEqual(['zero', 'small', 'hundred', 'big', 'neg'])
    })

    it('should treat percent and rating fields as numbers', () => {
      const rs = records({ p: { pct: 50, stars: 4 }, q: { pct: 75, stars: 2 } })
      expect(matchIds(cond('pct', 'gt', 60), rs, fields)).toEqual(['q'])
      expect(matchIds(cond('stars', 'gte', 3), rs, fields)).toEqual(['p'])
    })
  })
})

import { describe, expect, it } from 'vitest'
import { aggregate } from '../../../../src/core/query'
import { at, field, records, selectField } from '../../../fixtures/query'

const fields = [field('money', 'amount'), field('date', 'close'), selectField('tags', ['vip', 'new'], 'multiselect'), field('text', 'city')]
const rows = records({
  a: { amount: 100.1, close: '2024-03-01', tags: ['vip'], city: '上海' },
  b: { amount: 200.2, close: '2024-01-15', tags: ['vip', 'new'], city: '北京' },
  c: { amount: null, tags: [], city: '上海' },
  d: { amount: 0.3, close: '2024-02-29' },
})

describe('query/aggregate', () => {
  describe('aggregate', () => {
    it('should count records, or the non-empty values of a field', () => {
      expect(aggregate(rows, { fn: 'count' })).toBe(4)
      expect(aggregate(rows, { fn: 'count', field: 'amount' }, fields)).toBe(3)
      expect(aggregate(rows, { fn: 'count', field: 'tags' }, fields)).toBe(2)
    })

    it('should sum and average the numbers, skipping empties, without float drift on money', () => {
      expect(aggregate(rows, { fn: 'sum', field: 'amount' }, fields)).toBeCloseTo(300.6, 10)
      expect(aggregate(rows, { fn: 'avg', field: 'amount' }, fields)).toBeCloseTo(100.2, 10)
      const cents = records(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i}`, { amount: 0.1 }])))
      expect(aggregate(cents, { fn: 'sum', field: 'amount' }, fields)).toBe(1)
    })

    it('should give min and max of numbers, and of dates as epoch ms', () => {
      expect(aggregate(rows, { fn: 'min', field: 'amount' }, fields)).toBe(0.3)
      expect(aggregate(rows, { fn: 'max', field: 'amount' }, fields)).toBe(200.2)
      expect(aggregate(rows, { fn: 'min', field: 'close' }, fields)).toBe(at(2024, 1, 15))
      expect(aggregate(rows, { fn: 'max', field: 'close' }, fields)).toBe(at(2024, 3, 1))
    })

    it('should give null, not NaN, for avg / min / max without values, and 0 for their sum', () => {
      const none = records({ x: { amount: null }, y: {} })
      for (const fn of ['avg', 'min', 'max'] as const) {
        expect(aggregate(none, { fn, field: 'amount' }, fields)).toBeNull()
        expect(aggregate([], { fn, field: 'amount' }, fields)).toBeNull()
      }
      expect(aggregate(none, { fn: 'sum', field: 'amount' }, fields)).toBe(0)
      expect(aggregate([], { fn: 'count' })).toBe(0)
    })

    it('should count distinct values, each item of a multiselect counting', () => {
      expect(aggregate(rows, { fn: 'distinct', field: 'city' }, fields)).toBe(2)
      expect(aggregate(rows, { fn: 'distinct', field: 'tags' }, fields)).toBe(2)
    })

    it('should read values without a field list, and give null for an unknown field', () => {
      expect(aggregate(rows, { fn: 'max', field: 'amount' })).toBe(200.2)
      expect(aggregate(rows, { fn: 'sum', field: 'nope' }, fields)).toBeNull()
      expect(aggregate(rows, { fn: 'sum' })).toBeNull()
    })
  })
})

import type { Filter } from '../../../../src/core/schema/filter'
import { describe, expect, it } from 'vitest'
import { andFilters, countConditions, initialValue, pruneFilter, valueShapeOf, withConjunction, withItems, withOp } from '../../../../src/core/views'

describe('core/views filter-tree', () => {
  describe('valueShapeOf / initialValue', () => {
    it('should give each op the value the filter language expects', () => {
      expect([valueShapeOf('eq'), valueShapeOf('in'), valueShapeOf('between'), valueShapeOf('lastNDays'), valueShapeOf('thisMonth'), valueShapeOf('empty')])
        .toEqual(['single', 'list', 'range', 'days', 'none', 'none'])
      expect([initialValue('nextNDays'), initialValue('notIn'), initialValue('between'), initialValue('gt')]).toEqual([7, [], [null, null], undefined])
    })
  })

  describe('withOp', () => {
    it('should keep the value when the new op takes the same shape and reset it otherwise', () => {
      expect(withOp({ field: 'a', op: 'gt', value: 5 }, 'lte')).toEqual({ field: 'a', op: 'lte', value: 5 })
      expect(withOp({ field: 'a', op: 'gt', value: 5 }, 'in')).toEqual({ field: 'a', op: 'in', value: [] })
      expect(withOp({ field: 'a', op: 'in', value: ['x'] }, 'today')).toEqual({ field: 'a', op: 'today' })
    })
  })

  describe('countConditions', () => {
    it('should count conditions in nested groups', () => {
      const f: Filter = { and: [{ field: 'a', op: 'empty' }, { or: [{ field: 'b', op: 'eq', value: 1 }, { and: [{ field: 'c', op: 'today' }] }] }] }
      expect(countConditions(f)).toBe(3)
      expect(countConditions(undefined)).toBe(0)
    })
  })

  describe('withItems / withConjunction', () => {
    it('should keep the join when items change and keep the items when the join changes', () => {
      expect(withItems({ or: [] }, [{ field: 'a', op: 'empty' }])).toEqual({ or: [{ field: 'a', op: 'empty' }] })
      expect(withConjunction({ and: [{ field: 'a', op: 'empty' }] }, 'or')).toEqual({ or: [{ field: 'a', op: 'empty' }] })
    })
  })

  describe('pruneFilter', () => {
    it('should drop conditions still waiting for a value and groups left empty, keeping complete ones', () => {
      const f: Filter = { and: [
        { field: 'a', op: 'eq' },
        { field: 'b', op: 'in', value: [] },
        { or: [{ field: 'c', op: 'between', value: [null, null] }] },
        { field: 'd', op: 'between', value: [null, 10] },
        { field: 'e', op: 'notEmpty' },
        { field: 'f', op: 'lastNDays', value: 30 },
      ] }
      expect(pruneFilter(f)).toEqual({ and: [{ field: 'd', op: 'between', value: [null, 10] }, { field: 'e', op: 'notEmpty' }, { field: 'f', op: 'lastNDays', value: 30 }] })
    })

    it('should give undefined when nothing usable is left', () => {
      expect(pruneFilter({ or: [{ field: 'a', op: 'contains', value: '' }] })).toBeUndefined()
    })
  })

  describe('andFilters', () => {
    it('should require both filters and pass either through alone', () => {
      const a: Filter = { and: [{ field: 'a', op: 'empty' }] }
      const b: Filter = { or: [{ field: 'b', op: 'empty' }] }
      expect(andFilters(a, b)).toEqual({ and: [a, b] })
      expect(andFilters(undefined, b)).toBe(b)
      expect(andFilters(a, undefined)).toBe(a)
    })
  })
})

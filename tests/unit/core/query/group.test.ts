import { describe, expect, it } from 'vitest'
import { groupRecords } from '../../../../src/core/query'
import { field, records, selectField, stageField } from '../../../fixtures/query'

const fields = [
  stageField(), field('money', 'amount'), field('date', 'close'), field('text', 'city'),
  selectField('tags', ['vip', 'new', 'cold'], 'multiselect'), field('member', 'owner', { multiple: true }), field('checkbox', 'done'),
]
const rows = records({
  a: { stage: 's3', amount: 100, close: '2024-01-31', city: '上海', tags: ['vip', 'new'], owner: ['m1'], done: true },
  b: { stage: 's1', amount: 300, close: '2024-02-29', city: '北京', tags: ['vip'], owner: ['m1', 'm2'] },
  c: { stage: 's3', amount: null, close: '2024-04-01', city: '上海' },
  d: { amount: 50, close: '' },
})
const summary = (gs: ReturnType<typeof groupRecords>): [string | null, number, ...(number | null)[]][] => gs.map(g => [g.key, g.count, ...g.values])

describe('query/group', () => {
  describe('groupRecords', () => {
    it('should give one group per stage in stage order, empty stages included, with an (empty) group last', () => {
      const groups = groupRecords(rows, 'stage', fields, [{ fn: 'sum', field: 'amount' }, { fn: 'avg', field: 'amount' }, { fn: 'max', field: 'amount' }])
      expect(summary(groups)).toEqual([
        ['s1', 1, 300, 300, 300],
        ['s2', 0, 0, null, null],
        ['s3', 2, 100, 100, 100],
        ['won', 0, 0, null, null],
        ['lost', 0, 0, null, null],
        [null, 1, 50, 50, 50],
      ])
      expect(groups[0]?.label).toBe('潜在客户识别')
      expect(groups[5]?.label).toEqual({ 'zh-CN': '（空）', 'en': '(empty)' })
      expect(groups[2]?.records.map(r => r.id)).toEqual(['a', 'c'])
    })

    it('should give null, not NaN, for the average of a group whose amounts are all empty', () => {
      const groups = groupRecords(rows, 'city', fields, [{ fn: 'avg', field: 'amount' }, { fn: 'min', field: 'amount' }])
      const only = groupRecords(rows.filter(r => r.id === 'c'), 'city', fields, [{ fn: 'avg', field: 'amount' }])
      expect(summary(only)).toEqual([['上海', 1, null]])
      expect(summary(groups)).toEqual([['北京', 1, 300, 300], ['上海', 2, 100, 100], [null, 1, 50, 50]])
    })

    it('should bucket dates by month, quarter or year in time order', () => {
      expect(summary(groupRecords(rows, { field: 'close', unit: 'month' }, fields))).toEqual([['2024-01', 1], ['2024-02', 1], ['2024-04', 1], [null, 1]])
      expect(summary(groupRecords(rows, { field: 'close', unit: 'quarter' }, fields))).toEqual([['2024-Q1', 2], ['2024-Q2', 1], [null, 1]])
      expect(groupRecords(rows, { field: 'close', unit: 'year' }, fields)[0]?.label).toEqual({ 'zh-CN': '2024年', 'en': '2024' })
    })

    it('should fill the empty buckets between dates when asked', () => {
      const groups = groupRecords(rows, { field: 'close', unit: 'month' }, fields, [{ fn: 'avg', field: 'amount' }], { fillDateGaps: true })
      expect(summary(groups)).toEqual([['2024-01', 1, 100], ['2024-02', 1, 300], ['2024-03', 0, null], ['2024-04', 1, null], [null, 1, 50]])
    })

    it('should group by week starting on Monday, or Sunday when asked', () => {
      const week = records({ sun: { close: '2024-03-17' }, mon: { close: '2024-03-18' } })
      expect(summary(groupRecords(week, { field: 'close', unit: 'week' }, fields))).toEqual([['2024-03-11', 1], ['2024-03-18', 1]])
      expect(summary(groupRecords(week, { field: 'close', unit: 'week' }, fields, [], { weekStartsOn: 0 }))).toEqual([['2024-03-17', 2]])
    })

    it('should put a record with several options or members in each of their groups', () => {
      expect(summary(groupRecords(rows, 'tags', fields))).toEqual([['vip', 2], ['new', 1], ['cold', 0], [null, 2]])
      const members = new Map([['m1', '王芳'], ['m2', '陈明']])
      const byOwner = groupRecords(rows, 'owner', fields, [], { members })
      expect(byOwner.map(g => [g.label, g.count])).toEqual([['陈明', 1], ['王芳', 2], [{ 'zh-CN': '（空）', 'en': '(empty)' }, 2]])
    })

    it('should group checkboxes into unchecked and checked, and give nothing for an unknown field', () => {
      expect(summary(groupRecords(rows, 'done', fields))).toEqual([['false', 3], ['true', 1]])
      expect(groupRecords(rows, 'nope', fields)).toEqual([])
    })
  })
})

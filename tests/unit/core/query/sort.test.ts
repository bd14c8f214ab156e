import { describe, expect, it } from 'vitest'
import type { RecordRow } from '../../../../src/core/schema/types'
import { sortIndex, sortRecords } from '../../../../src/core/query'
import { field, records, selectField, stageField } from '../../../fixtures/query'

const fields = [
  field('text', 'name'), field('number', 'amount'), field('date', 'close'), field('date', 'meet', { granularity: 'datetime' }),
  stageField(), selectField('tags', ['vip', 'new', 'cold'], 'multiselect'), field('member', 'owner'), field('checkbox', 'done'),
]
const ids = (rs: RecordRow[]): string[] => rs.map(r => r.id)

describe('query/sort', () => {
  describe('sortRecords', () => {
    const rows = records({
      a: { amount: 300, name: '张三' },
      b: { amount: null, name: 'bob' },
      c: { amount: 100, name: '阿里' },
      d: { amount: 300, name: 'Alice' },
      e: { name: '' },
      f: { amount: -5, name: '李四' },
    })

    it('should sort numbers both ways, keeping empties last and ties in input order', () => {
      expect(ids(sortRecords(rows, [{ field: 'amount', dir: 'asc' }], fields))).toEqual(['f', 'c', 'a', 'd', 'b', 'e'])
      expect(ids(sortRecords(rows, [{ field: 'amount', dir: 'desc' }], fields))).toEqual(['a', 'd', 'c', 'f', 'b', 'e'])
    })

    it('should sort text with Chinese by pinyin and Latin letters ignoring case, empties last', () => {
      expect(ids(sortRecords(rows, [{ field: 'name', dir: 'asc' }], fields))).toEqual(['c', 'f', 'a', 'd', 'b', 'e'])
      expect(ids(sortRecords(rows, [{ field: 'name', dir: 'desc' }], fields))).toEqual(['b', 'd', 'a', 'f', 'c', 'e'])
    })

    it('should sort by several keys, the first one deciding', () => {
      const sorted = sortRecords(rows, [{ field: 'amount', dir: 'desc' }, { field: 'name', dir: 'desc' }], fields)
      expect(ids(sorted)).toEqual(['d', 'a', 'c', 'f', 'b', 'e'])
    })

    it('should return a new array and leave the input alone', () => {
      const before = ids(rows)
      const sorted = sortRecords(rows, [{ field: 'amount', dir: 'asc' }], fields)
      expect(sorted).not.toBe(rows)
      expect(ids(rows)).toEqual(before)
    })

    it('should keep input order with no keys or a key on an unknown field', () => {
      expect(ids(sortRecords(rows, [], fields))).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
      expect(ids(sortRecords(rows, [{ field: 'gone', dir: 'desc' }], fields))).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    })

    it('should sort stages by their position in the field, not by id or label', () => {
      const rs = records({ won: { stage: 'won' }, s3: { stage: 's3' }, none: {}, s1: { stage: 's1' }, lost: { stage: 'lost' }, old: { stage: 'x' } })
      expect(ids(sortRecords(rs, [{ field: 'stage', dir: 'asc' }], fields))).toEqual(['s1', 's3', 'won', 'lost', 'old', 'none'])
      expect(ids(sortRecords(rs, [{ field: 'stage', dir: 'desc' }], fields))).toEqual(['old', 'lost', 'won', 's3', 's1', 'none'])
    })

    it('should sort dates and date-times chronologically, unreadable ones with the empties', () => {
      const rs = records({
        mar: { close: '2024-03-01', meet: '2024-03-01T09:00:00' },
        leap: { close: '2024-02-29', meet: '2024-03-01T08:00:00' },
        bad: { close: 'someday' },
        dec: { close: '2023-12-31', meet: '2023-12-31T23:59:00' },
      })
      expect(ids(sortRecords(rs, [{ field: 'close', dir: 'asc' }], fields))).toEqual(['dec', 'leap', 'mar', 'bad'])
      expect(ids(sortRecords(rs, [{ field: 'meet', dir: 'desc' }], fields))).toEqual(['mar', 'leap', 'dec', 'bad'])
    })

    it('should sort system times, checkboxes, multiselects by option order, and members by name', () => {
      const rs = records({
        x: { done: true, tags: ['cold'], owner: 'm1' },
        y: { done: false, tags: ['new', 'vip'], owner: 'm2' },
        z: { tags: ['vip'] },
      })
      rs[0]!.createdAt = 3; rs[1]!.createdAt = 1; rs[2]!.createdAt = 2
      expect(ids(sortRecords(rs, [{ field: '_createdAt', dir: 'asc' }], fields))).toEqual(['y', 'z', 'x'])
      expect(ids(sortRecords(rs, [{ field: 'done', dir: 'desc' }], fields))).toEqual(['x', 'y', 'z'])
      expect(ids(sortRecords(rs, [{ field: 'tags', dir: 'asc' }], fields))).toEqual(['z', 'y', 'x'])
      const members = new Map([['m1', '王五'], ['m2', '陈六']])
      expect(ids(sortRecords(rs, [{ field: 'owner', dir: 'asc' }], fields, { members }))).toEqual(['y', 'x', 'z'])
    })
  })

  describe('sortIndex', () => {
    it('should give positions into the input, stable over many ties', () => {
      const rs = Array.from({ length: 1000 }, (_, i) => records({ [`r${i}`]: { amount: i % 3 } })[0]!)
      const index = sortIndex(rs, [{ field: 'amount', dir: 'desc' }], fields)
      expect(index).toBeInstanceOf(Int32Array)
      const first = Array.from(index.subarray(0, 4))
      expect(first).toEqual([2, 5, 8, 11])
      const twos = Array.from(index).filter(i => i % 3 === 2)
      expect(twos).toEqual([...twos].sort((p, q) => p - q))
    })
  })
})

import { describe, expect, it } from 'vitest'
import { cond, field, matchIds, records } from '../../../fixtures/query'

const fields = [field('text', 'name'), field('address', 'addr'), field('lookup', 'look', { relationField: 'x', targetField: 'y' })]
const rows = records({
  a: { name: 'Alice Wang' },
  b: { name: 'alice wang' },
  c: { name: '王小明' },
  d: { name: '' },
  e: {},
  f: { name: 'Bob' },
})

describe('query/compile-filter', () => {
  describe('compileFilter on text fields', () => {
    it('should match eq and ne ignoring case, with empty values counting as "not equal"', () => {
      expect(matchIds(cond('name', 'eq', 'ALICE WANG'), rows, fields)).toEqual(['a', 'b'])
      expect(matchIds(cond('name', 'ne', 'alice wang'), rows, fields)).toEqual(['c', 'd', 'e', 'f'])
    })

    it('should match contains / notContains as case-insensitive substrings', () => {
      expect(matchIds(cond('name', 'contains', 'WANG'), rows, fields)).toEqual(['a', 'b'])
      expect(matchIds(cond('name', 'contains', '小明'), rows, fields)).toEqual(['c'])
      expect(matchIds(cond('name', 'notContains', 'wang'), rows, fields)).toEqual(['c', 'd', 'e', 'f'])
    })

    it('should match in / notIn against a list, ignoring case', () => {
      expect(matchIds(cond('name', 'in', ['BOB', '王小明']), rows, fields)).toEqual(['c', 'f'])
      expect(matchIds(cond('name', 'notIn', ['bob', '王小明']), rows, fields)).toEqual(['a', 'b', 'd', 'e'])
    })

    it('should treat undefined and empty strings as empty', () => {
      expect(matchIds(cond('name', 'empty'), rows, fields)).toEqual(['d', 'e'])
      expect(matchIds(cond('name', 'notEmpty'), rows, fields)).toEqual(['a', 'b', 'c', 'f'])
    })

    it('should order text by the zh-CN collation (Chinese by pinyin), never matching empty values', () => {
      const names = records({ chen: { name: '陈' }, li: { name: '李四' }, zhang: { name: '张三' }, none: {} })
      expect(matchIds(cond('name', 'gt', '李四'), names, fields)).toEqual(['zhang'])
      expect(matchIds(cond('name', 'gte', '李四'), names, fields)).toEqual(['li', 'zhang'])
      expect(matchIds(cond('name', 'lt', '李四'), names, fields)).toEqual(['chen'])
      expect(matchIds(cond('name', 'lte', '李四'), names, fields)).toEqual(['chen', 'li'])
      expect(matchIds(cond('name', 'between', ['张三', '陈']), names, fields)).toEqual(['chen', 'li', 'zhang'])
      expect(matchIds(cond('name', 'between', ['李', null]), names, fields)).toEqual(['li', 'zhang'])
    })

    it('should search the parts of an address value', () => {
      const addrs = records({ sh: { addr: { province: '上海市', detail: '南京路 1 号' } }, bj: { addr: { province: '北京市' } } })
      expect(matchIds(cond('addr', 'contains', '南京路'), addrs, fields)).toEqual(['sh'])
    })

    it('should compare lookup values as text', () => {
      const looks = records({ x: { look: ['Acme', 'Beta'] }, y: { look: 42 }, z: {} })
      expect(matchIds(cond('look', 'contains', 'beta'), looks, fields)).toEqual(['x'])
      expect(matchIds(cond('look', 'eq', 42), looks, fields)).toEqual(['y'])
      expect(matchIds(cond('look', 'empty'), looks, fields)).toEqual(['z'])
    })

    it('should filter the record id system column', () => {
      expect(matchIds(cond('_id', 'in', ['a', 'f']), rows, fields)).toEqual(['a', 'f'])
    })
  })
})

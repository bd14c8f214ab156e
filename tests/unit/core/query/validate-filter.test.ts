import { describe, expect, it } from 'vitest'
import type { FieldDef } from '../../../../src/core/schema/types'
import { validateFilter } from '../../../../src/core/query'
import { field, selectField, stageField } from '../../../fixtures/query'

const fields: FieldDef[] = [
  { ...field('number', 'amount'), label: { 'zh-CN': '金额', 'en': 'Amount' } },
  field('text', 'name'),
  field('date', 'close'),
  field('checkbox', 'done'),
  selectField('tags', ['vip', 'new'], 'multiselect'),
  stageField(),
  field('separator', 'sep'),
]

/** [path joined by '.', code, severity] of each issue. */
function issues(filter: unknown): [string, string, string][] {
  return validateFilter(filter, fields).map(i => [i.path.join('.'), i.code, i.severity])
}

describe('query/validate-filter', () => {
  describe('validateFilter', () => {
    it('should accept a valid nested filter, an empty group and no filter', () => {
      const ok = { and: [
        { field: 'amount', op: 'between', value: [1, 2] },
        { or: [{ field: 'close', op: 'lastNDays', value: 7 }, { field: '_createdAt', op: 'thisWeek' }] },
        { field: 'tags', op: 'contains', value: 'vip' },
        { field: 'stage', op: 'gte', value: 's2' },
        { field: 'done', op: 'eq', value: false },
      ] }
      expect(validateFilter(ok, fields)).toEqual([])
      expect(validateFilter({ or: [] }, fields)).toEqual([])
      expect(validateFilter(undefined, fields)).toEqual([])
    })

    it('should report an unknown field with its path, in Chinese and English', () => {
      const found = validateFilter({ and: [{ field: 'amount', op: 'empty' }, { or: [{ field: 'gone', op: 'eq', value: 1 }] }] }, fields)
      expect(found).toEqual([{
        path: ['and', 1, 'or', 0, 'field'],
        code: 'unknownField',
        severity: 'error',
        message: { 'zh-CN': '字段“gone”不存在（可能已被删除）', 'en': 'Field "gone" does not exist (it may have been deleted)' },
      }])
    })

    it('should report ops the field type does not support, naming the field by its label', () => {
      const [issue] = validateFilter({ and: [{ field: 'amount', op: 'contains', value: '1' }] }, fields)
      expect(issue?.code).toBe('badOp')
      expect(issue?.message).toEqual({ 'zh-CN': '字段“金额”不支持条件“包含”', 'en': 'Field "Amount" does not support the condition "contains"' })
      expect(issues({ and: [{ field: 'name', op: 'today' }] })).toEqual([['and.0.op', 'badOp', 'error']])
      expect(issues({ and: [{ field: 'tags', op: 'gt', value: 'vip' }] })).toEqual([['and.0.op', 'badOp', 'error']])
      expect(issues({ and: [{ field: 'close', op: 'in', value: ['2024-01-01'] }] })).toEqual([['and.0.op', 'badOp', 'error']])
      expect(issues({ and: [{ field: 'amount', op: 'like', value: 1 }] })).toEqual([['and.0.op', 'badOp', 'error']])
      expect(issues({ and: [{ field: 'sep', op: 'empty' }] })).toEqual([['and.0.field', 'notFilterable', 'error']])
    })

    it('should report values of the wrong shape', () => {
      const bad = [
        { field: 'amount', op: 'eq', value: '100' },
        { field: 'amount', op: 'between', value: [1] },
        { field: 'amount', op: 'in', value: [1, 'two'] },
        { field: 'close', op: 'eq', value: 'tomorrow' },
        { field: 'close', op: 'eq', value: '2024-02-30' },
        { field: 'close', op: 'lastNDays', value: 0 },
        { field: 'close', op: 'lastNDays', value: 1.5 },
        { field: 'close', op: 'nextNDays', value: '7' },
        { field: 'done', op: 'eq', value: 'yes' },
      ]
      expect(issues({ and: bad }).map(i => i.slice(1))).toEqual(bad.map(() => ['badValue', 'error']))
      expect(validateFilter({ and: [bad[0]] }, fields)[0]?.message.en).toBe('Invalid filter value for field "Amount": expected a number')
    })

    it('should warn about conditions without a value', () => {
      const empty = [
        { field: 'amount', op: 'eq' },
        { field: 'name', op: 'contains', value: '' },
        { field: 'tags', op: 'in', value: [] },
        { field: 'amount', op: 'between', value: [null, ''] },
        { field: 'close', op: 'lastNDays' },
      ]
      expect(issues({ or: empty }).map(i => i.slice(1))).toEqual(empty.map(() => ['incomplete', 'warning']))
    })

    it('should warn about option ids a field does not have, and refuse them for stage order', () => {
      expect(issues({ and: [{ field: 'tags', op: 'in', value: ['vip', 'old'] }] })).toEqual([['and.0.value', 'unknownOption', 'warning']])
      expect(issues({ and: [{ field: 'stage', op: 'gt', value: 'old' }] })).toEqual([['and.0.value', 'unknownOption', 'error']])
    })

    it('should report malformed nodes', () => {
      expect(issues({ and: 'x' })).toEqual([['', 'badNode', 'error']])
      expect(issues({ and: [], or: [] })).toEqual([['', 'badNode', 'error']])
      expect(issues({ and: [null, { field: 'amount' }] })).toEqual([['and.0', 'badNode', 'error'], ['and.1', 'badNode', 'error']])
    })
  })
})

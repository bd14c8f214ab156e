import { describe, expect, it } from 'vitest'
import type { FieldDef, FormDef } from '../../../../src/core/schema/types'
import { FIELD_TYPES } from '../../../../src/core/fields/registry'
import { compileRecordValidator } from '../../../../src/core/validation/record/record-validator'
import { form } from '../../../fixtures/documents'
import { everyTypeFields, field } from '../../../fixtures/fields'

let stamp = 100
function formOf(...fields: FieldDef[]): FormDef {
  return form({ id: 'rv', fields, titleField: undefined, updatedAt: stamp++ })
}

function check(f: FieldDef, value: unknown, opts = {}) {
  return compileRecordValidator(formOf(f))({ [f.id]: value }, opts).map(i => i.code)
}

describe('record-validator', () => {
  describe('compileRecordValidator', () => {
    it('should accept a record with a valid value for every writable type', () => {
      const values: Record<string, unknown> = {
        f_text: 'hi', f_textarea: 'a\nb', f_number: 3, f_money: 12.5, f_percent: 25, f_date: '2024-03-05', f_select: 'a',
        f_multiselect: ['a', 'c'], f_checkbox: true, f_rating: 4, f_member: 'm1', f_relation: 'r1',
        f_attachment: [{ id: 'x', name: 'a.pdf', size: 10 }], f_image: [], f_subform: [{ item: '笔', qty: 2 }],
        f_address: { city: '上海', detail: '1 号' }, f_phone: '+86 138-0000-0000', f_email: 'a@b.cn', f_url: 'www.example.com', f_stage: 's2',
      }
      expect(compileRecordValidator(formOf(...everyTypeFields(FIELD_TYPES)))(values)).toEqual([])
    })

    it('should treat null, undefined, \'\' and [] as empty for required fields, naming the label', () => {
      const f = field('text', { id: 'name', label: '客户名称', required: true })
      for (const v of [null, '', undefined]) expect(check(f, v)).toEqual(['required'])
      expect(check(field('multiselect', { required: true }), [])).toEqual(['required'])
      const [issue] = compileRecordValidator(formOf(f))({})
      expect(issue?.message).toEqual({ 'zh-CN': '客户名称：必填，不能为空', 'en': '客户名称: is required and cannot be empty' })
      expect(issue?.fieldId).toBe('name')
    })

    it('should let partial writes omit required fields but not clear them', () => {
      const v = compileRecordValidator(formOf(field('text', { id: 'name', label: '名称', required: true }), field('number')))
      expect(v({ f_number: 1 }, { partial: true })).toEqual([])
      expect(v({ name: '' }, { partial: true }).map(i => i.code)).toEqual(['required'])
    })

    it('should check number type, bounds and precision', () => {
      const f = field('money', { label: '金额', options: { min: 0, max: 1000, precision: 2 } })
      expect(check(f, '12')).toEqual(['type'])
      expect(check(f, -1)).toEqual(['min'])
      expect(check(f, 1001)).toEqual(['max'])
      expect(check(f, 1.005)).toEqual(['precision'])
      expect(check(f, 0.1 + 0.2)).toEqual(['precision'])
      expect(check(f, 10.25)).toEqual([])
      const [issue] = compileRecordValidator(formOf(f))({ f_money: -1 })
      expect(issue?.message['zh-CN']).toBe('金额：不能小于 0')
    })

    it('should check text formats: email, phone, url, regex and maxLength', () => {
      expect(check(field('text', { options: { format: 'email' } }), 'not-an-email')).toEqual(['format'])
      expect(check(field('email'), 'a@b.co')).toEqual([])
      expect(check(field('phone'), 'call me')).toEqual(['format'])
      expect(check(field('text', { options: { format: 'url' } }), 'no spaces allowed.com x')).toEqual(['format'])
      expect(check(field('text', { options: { format: 'regex', pattern: '^[A-Z]{3}$' } }), 'abc')).toEqual(['pattern'])
      expect(check(field('textarea', { options: { maxLength: 3 } }), 'abcd')).toEqual(['maxLength'])
    })

    it('should require select values to be option ids and name the options', () => {
      const f = field('select', { label: '级别' })
      expect(check(f, '高')).toEqual(['option'])
      const [issue] = compileRecordValidator(formOf(f))({ f_select: 'zz' })
      expect(issue?.message['zh-CN']).toBe('级别：「zz」不是有效选项（可选：高, 中, 低）')
    })

    it('should require multiselect values to be arrays of distinct option ids', () => {
      const f = field('multiselect')
      expect(check(f, 'a')).toEqual(['type'])
      expect(check(f, ['a', 'x'])).toEqual(['option'])
      expect(check(f, ['a', 'a'])).toEqual(['duplicate'])
    })

    it('should require stage values to be stage ids', () => {
      expect(check(field('stage'), 's9')).toEqual(['stage'])
      expect(check(field('stage'), 'won')).toEqual([])
    })

    it('should check date formats per granularity', () => {
      expect(check(field('date'), '2024-02-30')).toEqual(['format'])
      expect(check(field('date'), '2024/02/03')).toEqual(['format'])
      expect(check(field('date', { options: { granularity: 'datetime' } }), '2024-02-03T10:00:00.000Z')).toEqual([])
      expect(check(field('date', { options: { granularity: 'datetime' } }), '2024-02-03')).toEqual(['format'])
      expect(check(field('date', { options: { granularity: 'month' } }), '2024-02-03')).toEqual(['format'])
    })

    it('should check the rating range', () => {
      expect(check(field('rating'), 6)).toEqual(['max'])
      expect(check(field('rating', { options: { max: 10 } }), 6)).toEqual([])
      expect(check(field('rating'), 2.5)).toEqual(['type'])
    })

    it('should refuse values for computed fields unless told to ignore them', () => {
      for (const type of ['formula', 'lookup', 'rollup', 'serial', 'createdAt', 'createdBy', 'separator', 'description'] as const) {
        expect(check(field(type), 1), type).toEqual(['computed'])
        expect(check(field(type), 1, { computed: 'ignore' }), type).toEqual([])
      }
    })

    it('should refuse unknown and forbidden keys but keep values of deleted fields', () => {
      const f = formOf(field('text'))
      const withTrash: FormDef = { ...f, updatedAt: stamp++, trash: [{ field: field('number', { id: 'old' }), deletedAt: 1 }] }
      expect(compileRecordValidator(f)({ ghost: 1 }).map(i => [i.fieldId, i.code])).toEqual([['ghost', 'unknownField']])
      expect(compileRecordValidator(f)(JSON.parse('{"__proto__":1}')).map(i => i.code)).toEqual(['forbiddenKey'])
      expect(compileRecordValidator(withTrash)({ old: 5 })).toEqual([])
    })

    it('should check subform rows against their fields and name the row', () => {
      const f = field('subform', { id: 'items', label: '明细' })
      const issues = compileRecordValidator(formOf(f))({ items: [{ item: 'a', qty: 1 }, { item: 'b', qty: -2 }, { item: 'c' }] })
      expect(issues.map(i => [i.fieldId, i.row, i.subFieldId, i.code])).toEqual([['items', 1, 'qty', 'min'], ['items', 2, 'qty', 'required']])
      expect(issues[0]?.message['zh-CN']).toBe('明细 第 2 行 › 数量：不能小于 0')
    })

    it('should check member ids when the members are known', () => {
      const f = field('member', { label: '负责人' })
      expect(check(f, 'm9', { memberIds: ['m1'] })).toEqual(['member'])
      expect(check(f, 'm1', { memberIds: ['m1'] })).toEqual([])
      expect(check(f, ['m1'])).toEqual(['type'])
    })

    it('should recompile when the form\'s updatedAt changes', () => {
      const f1 = form({ id: 'cache', updatedAt: 1, titleField: undefined, fields: [field('number', { options: { max: 10 } })] })
      const f2 = { ...f1, updatedAt: 2, fields: [field('number', { options: { max: 100 } })] }
      expect(compileRecordValidator(f1)({ f_number: 50 }).map(i => i.code)).toEqual(['max'])
      expect(compileRecordValidator(f2)({ f_number: 50 })).toEqual([])
    })
  })
})

import type { FieldDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { inferFields } from '../../../../src/core/io/infer-fields'
import { inferColumnKind } from '../../../../src/core/io/infer-kind'

const kind = (values: string[]) => inferColumnKind(values).kind

describe('infer-fields', () => {
  describe('inferColumnKind', () => {
    it('should recognise numbers, money and percentages', () => {
      expect(kind(['12', '-3.5', '1,200'])).toBe('number')
      expect(inferColumnKind(['¥1,200.00', '300'])).toEqual({ kind: 'money', currency: 'CNY' })
      expect(inferColumnKind(['$5', '$7.25'])).toEqual({ kind: 'money', currency: 'USD' })
      expect(kind(['10%', '25.5%'])).toBe('percent')
    })

    it('should recognise dates in any known format, with or without time', () => {
      expect(inferColumnKind(['2024-03-05', '2024-03-06'])).toEqual({ kind: 'date', withTime: false })
      expect(inferColumnKind(['20-10-16', '01-03-17'])).toEqual({ kind: 'date', withTime: false })
      expect(inferColumnKind(['2024-03-05 10:30'])).toEqual({ kind: 'date', withTime: true })
    })

    it('should recognise contact columns', () => {
      expect(kind(['a@b.com', 'x.y@z.cn'])).toBe('email')
      expect(kind(['https://a.com', 'www.b.cn/x'])).toBe('url')
      expect(kind(['13800138000', '+86 10 6552 8888', '010-12345678'])).toBe('phone')
    })

    it('should keep plain long digit runs as numbers, not phones', () => {
      expect(kind(['20240305', '12345678'])).toBe('number')
    })

    it('should recognise yes/no columns as checkboxes', () => {
      expect(kind(['是', '否', '是'])).toBe('checkbox')
      expect(kind(['Yes', 'no', 'TRUE'])).toBe('checkbox')
    })

    it('should make a select from few repeated values and text from many distinct ones', () => {
      expect(inferColumnKind(['Won', 'Lost', 'Won', 'Lost', 'Engaging', 'Won'])).toEqual({ kind: 'select', choices: ['Won', 'Lost', 'Engaging'] })
      expect(kind(['a', 'b', 'c'])).toBe('text')
    })

    it('should make a textarea from multi-line values', () => {
      expect(kind(['one\ntwo', 'x'])).toBe('textarea')
    })

    it('should tolerate a few bad cells among many good ones', () => {
      const values = [...Array.from({ length: 40 }, (_, i) => String(i * 3)), 'n/a']
      expect(kind(values)).toBe('number')
    })
  })

  describe('inferFields', () => {
    it('should give one field per header with fresh ids, header labels and inferred types', () => {
      const fields = inferFields(['Name', 'Amount', 'Stage', ''], [['A', '¥10', 'Won', ''], ['B', '¥20', 'Won', ''], ['C', '¥5', 'Lost', ''], ['D', '¥8', 'Won', '']])
      expect(fields.map(f => [f.label, f.type])).toEqual([['Name', 'text'], ['Amount', 'money'], ['Stage', 'select'], ['Column 4', 'text']])
      expect(new Set(fields.map(f => f.id)).size).toBe(4)
      for (const f of fields) expect(f.id).toMatch(/^f_[a-z0-9]{8}$/)
      const stage = fields[2] as Extract<FieldDef, { type: 'select' }>
      expect(stage.options.choices.map(c => c.label)).toEqual(['Won', 'Lost'])
    })

    it('should keep every column of clashing headers as a field of its own name', () => {
      const fields = inferFields(['Budget_Confirmed__c', 'BudgetConfirmed__c', 'Name', 'Name', ' Name'], [['1', '0', 'a', 'b', 'c']])
      expect(fields.map(f => f.label)).toEqual(['Budget_Confirmed__c', 'BudgetConfirmed__c', 'Name', 'Name (2)', 'Name (3)'])
      expect(new Set(fields.map(f => f.id)).size).toBe(5)
    })
  })
})

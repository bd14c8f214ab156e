import type { FieldDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { convertRecords, previewTypeChange, withType } from '../../../../src/core/schema-evolution'
import { designForm, row } from '../../../fixtures/designer'

const text: FieldDef = { id: 'amt', type: 'text', label: '金额', unique: true }
const ctx = { form: designForm([text]), forms: [] }
const records = [row('r1', { amt: '1200' }), row('r2', { amt: '3,400.5' }), row('r3', { amt: '面议' }), row('r4', { amt: '' }), row('r5', {})]
const copyLabel = (l: FieldDef['label']) => `${String(l)}（原值）`

describe('type-change', () => {
  describe('withType', () => {
    it('should keep id, label and unique when a text field becomes a number', () => {
      const next = withType(text, 'number', ctx)
      expect(next).toEqual({ id: 'amt', type: 'number', label: '金额', unique: true })
    })

    it('should carry the choices from a select to a multi-select', () => {
      const sel: FieldDef = { id: 's', type: 'select', label: 'S', options: { choices: [{ id: 'a', label: 'A' }] } }
      expect(withType(sel, 'multiselect', ctx)).toMatchObject({ type: 'multiselect', options: { choices: [{ id: 'a', label: 'A' }] } })
    })

    it('should turn stages into plain choices when a stage field becomes a select', () => {
      const st: FieldDef = { id: 'st', type: 'stage', label: '阶段', options: { stages: [{ id: 'x', label: 'X', kind: 'open', probability: 10 }] } }
      expect(withType(st, 'select', ctx)).toMatchObject({ options: { choices: [{ id: 'x', label: 'X' }] } })
    })
  })

  describe('previewTypeChange', () => {
    it('should count text values that become numbers and list the ones that do not', () => {
      const p = previewTypeChange(text, withType(text, 'number', ctx), records)
      expect(p).toMatchObject({ total: 3, converted: 2, failed: 1 })
      expect(p.failures).toHaveLength(1)
      expect(p.failures[0]).toMatchObject({ recordId: 'r3', value: '面议' })
      expect(p.failures[0]!.error['zh-CN']).toBeTruthy()
    })

    it('should list at most `limit` failures while counting all', () => {
      const many = Array.from({ length: 9 }, (_, i) => row(`x${i}`, { amt: `abc${i}` }))
      const p = previewTypeChange(text, withType(text, 'number', ctx), many, 3)
      expect(p.failed).toBe(9)
      expect(p.failures).toHaveLength(3)
    })

    it('should count values that stay the same as unchanged', () => {
      const num: FieldDef = { id: 'amt', type: 'number', label: '金额' }
      const p = previewTypeChange(num, { ...num, type: 'money' } as FieldDef, [row('a', { amt: 5 })])
      expect(p).toMatchObject({ total: 1, converted: 1, unchanged: 1, failed: 0 })
    })
  })

  describe('convertRecords', () => {
    it('should rewrite convertible values, empty the others and keep every original under a trash copy', () => {
      const to = withType(text, 'number', ctx)
      const out = convertRecords(text, to, records, 99, copyLabel)
      const keep = out.trash!.field.id
      expect(out.values.get('r1')).toEqual({ amt: 1200, [keep]: '1200' })
      expect(out.values.get('r2')).toMatchObject({ amt: 3400.5 })
      expect(out.values.get('r3')).toEqual({ amt: null, [keep]: '面议' })
      expect(out.values.has('r4')).toBe(false)
      expect(out.trash).toMatchObject({ deletedAt: 99, reason: 'typeChange', sourceFieldId: 'amt', field: { type: 'text', label: '金额（原值）' } })
      expect(out.trash!.field.unique).toBeUndefined()
    })

    it('should make no trash copy when every value converts unchanged', () => {
      const num: FieldDef = { id: 'amt', type: 'number', label: '金额' }
      const out = convertRecords(num, { ...num, type: 'money' } as FieldDef, [row('a', { amt: 5 })], 1, copyLabel)
      expect(out.values.size).toBe(0)
      expect(out.trash).toBeUndefined()
    })

    it('should drop the values of a field that becomes computed, keeping them in the trash copy', () => {
      const out = convertRecords(text, withType(text, 'serial', ctx), [row('a', { amt: 'X1' })], 1, copyLabel)
      const v = out.values.get('a')!
      expect('amt' in v).toBe(false)
      expect(v[out.trash!.field.id]).toBe('X1')
    })
  })
})

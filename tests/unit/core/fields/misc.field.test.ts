import { describe, expect, it } from 'vitest'
import { fieldRegistry } from '../../../../src/core/fields/registry'
import { field } from '../../../fixtures/fields'

const zh = { locale: 'zh-CN' as const }
const en = { locale: 'en' as const }
const members = [{ id: 'm1', name: '张三', color: '#f00' }, { id: 'm2', name: 'Li Si', color: '#0f0' }]

describe('other field types', () => {
  describe('checkboxField', () => {
    it.each([['是', true], ['否', false], ['TRUE', true], ['0', false], ['yes', true], ['No', false], ['✓', true], ['', false]])('should read %j as %j', (text, value) => {
      expect(fieldRegistry.checkbox.parseText(text, field('checkbox'))).toEqual({ ok: true, value })
    })

    it('should refuse other text and format per locale', () => {
      expect(fieldRegistry.checkbox.parseText('maybe', field('checkbox')).ok).toBe(false)
      expect(fieldRegistry.checkbox.format(true, field('checkbox'), zh)).toBe('是')
      expect(fieldRegistry.checkbox.format(false, field('checkbox'), en)).toBe('No')
    })
  })

  describe('ratingField', () => {
    it('should read numbers, n/max and stars within range', () => {
      const r = fieldRegistry.rating
      expect(r.parseText('4', field('rating'))).toEqual({ ok: true, value: 4 })
      expect(r.parseText('3/5', field('rating'))).toEqual({ ok: true, value: 3 })
      expect(r.parseText('★★☆☆☆', field('rating'))).toEqual({ ok: true, value: 2 })
      expect(r.parseText('6', field('rating')).ok).toBe(false)
      expect(r.parseText('6', field('rating', { options: { max: 10 } }))).toEqual({ ok: true, value: 6 })
    })
  })

  describe('memberField', () => {
    it('should resolve member names and ids, one or many', () => {
      const m = fieldRegistry.member
      expect(m.parseText('张三', field('member'), { members })).toEqual({ ok: true, value: 'm1' })
      expect(m.parseText('张三, m2', field('member', { options: { multiple: true } }), { members })).toEqual({ ok: true, value: ['m1', 'm2'] })
      expect(m.parseText('张三, m2', field('member'), { members }).ok).toBe(false)
      expect(m.parseText('王五', field('member'), { members }).ok).toBe(false)
      expect(m.format(['m1', 'm9'], field('member'), { locale: 'en', members })).toBe('张三, [member removed]')
      expect(m.format(['m1', 'm9'], field('member'), { locale: 'en' })).toBe('m1, m9')
    })
  })

  describe('relationField', () => {
    it('should resolve record titles through findRecord and show titles', () => {
      const find = (_form: string, text: string) => (text === 'ACME' ? 'r1' : undefined)
      expect(fieldRegistry.relation.parseText('ACME', field('relation'), { findRecord: find })).toEqual({ ok: true, value: 'r1' })
      expect(fieldRegistry.relation.parseText('Nobody', field('relation'), { findRecord: find }).ok).toBe(false)
      expect(fieldRegistry.relation.format('r1', field('relation'), { locale: 'en', relationTitle: () => 'ACME' })).toBe('ACME')
    })
  })

  describe('text types', () => {
    it('should trim single-line text and keep line breaks in textareas', () => {
      expect(fieldRegistry.text.parseText('  hi  ', field('text'))).toEqual({ ok: true, value: 'hi' })
      expect(fieldRegistry.textarea.parseText('a\r\nb', field('textarea'))).toEqual({ ok: true, value: 'a\nb' })
      expect(fieldRegistry.phone.parseText('１３８００', field('phone'))).toEqual({ ok: true, value: '13800' })
    })

    it('should convert any value to text through its labels', () => {
      expect(fieldRegistry.text.convertFrom(['a', 'b'], field('multiselect'), field('text'))).toEqual({ ok: true, value: '高, 中' })
      expect(fieldRegistry.text.convertFrom(12.5, field('number'), field('text'))).toEqual({ ok: true, value: '12.5' })
    })
  })

  describe('addressField', () => {
    it('should paste into the detail line and format the parts in order', () => {
      expect(fieldRegistry.address.parseText(' 南京路 1 号 ', field('address'))).toEqual({ ok: true, value: { detail: '南京路 1 号' } })
      expect(fieldRegistry.address.format({ province: '上海', district: '黄浦区', detail: '南京路' }, field('address'), zh)).toBe('上海 黄浦区 南京路')
      expect(fieldRegistry.address.isEmpty({})).toBe(true)
    })
  })

  describe('file, subform and computed types', () => {
    it('should refuse pasted text for files and subforms', () => {
      expect(fieldRegistry.attachment.parseText('a.pdf', field('attachment')).ok).toBe(false)
      expect(fieldRegistry.subform.parseText('x', field('subform')).ok).toBe(false)
      expect(fieldRegistry.image.format([{ id: '1', name: 'a.png' }, { id: '2', name: 'b.png' }], field('image'), en)).toBe('a.png, b.png')
      expect(fieldRegistry.subform.format([{}, {}], field('subform'), zh)).toBe('2 行')
    })

    it('should refuse writes to computed types and format their results', () => {
      expect(fieldRegistry.formula.parseText('3', field('formula')).ok).toBe(false)
      expect(fieldRegistry.formula.format(3.14159, field('formula', { options: { expression: 'x', precision: 2 } }), zh)).toBe('3.14')
      expect(fieldRegistry.formula.format(true, field('formula'), en)).toBe('Yes')
      expect(fieldRegistry.createdBy.format('m2', field('createdBy'), { locale: 'en', members })).toBe('Li Si')
      expect(fieldRegistry.createdAt.format(new Date(2024, 0, 2, 3, 4).getTime(), field('createdAt'), en)).toBe('2024-01-02 03:04')
      expect(fieldRegistry.lookup.convertFrom('x', field('text'), field('lookup')).ok).toBe(false)
    })
  })
})

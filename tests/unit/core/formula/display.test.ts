import { describe, expect, it } from 'vitest'
import { toDisplayExpression, toStoredExpression } from '../../../../src/core/formula/index'
import { field, paymentsForm, sampleFields } from '../../../fixtures/formula'

const fields = sampleFields()
const forms = [paymentsForm()]

describe('display', () => {
  describe('toDisplayExpression', () => {
    it.each([
      ['{f_amount}*(1-{f_rate})', '{金额}*(1-{折扣率})'],
      ['{f_name} & "：" & {f_code}', '{客户 名称} & "：" & {编号}'],
      ['SUM({f_items.c_price})', 'SUM({明细.单价})'],
      ['{f_qty}', '{数量}'],
      ['{f_gone}+1', '{f_gone}+1'],
      ['"{f_amount}"', '"{f_amount}"'],
      ['MAPX("sum",{f_name},{payments.p_customer},{payments.p_amount})', 'MAPX("sum",{客户 名称},{回款.客户},{回款.回款金额})'],
    ])('should show %s as %s', (stored, display) => {
      expect(toDisplayExpression(stored, fields, { forms })).toBe(display)
    })

    it('should show English labels in the en locale', () => {
      expect(toDisplayExpression('{f_qty}*2', fields, { locale: 'en' })).toBe('{Quantity}*2')
    })

    it('should escape labels containing reference punctuation', () => {
      const odd = [field('number', 'f_x', '单价.元{含税}')]
      const shown = toDisplayExpression('{f_x}', odd)
      expect(shown).toBe('{单价\\.元\\{含税\\}}')
      expect(toStoredExpression(shown, odd).expression).toBe('{f_x}')
    })

    it('should keep ids for fields whose labels clash, so the conversion stays reversible', () => {
      const twins = [field('number', 'f_a', '金额'), field('number', 'f_b', '金额')]
      expect(toDisplayExpression('{f_a}+{f_b}', twins)).toBe('{f_a}+{f_b}')
    })
  })

  describe('toStoredExpression', () => {
    it.each([
      ['{金额}*(1-{折扣率})', '{f_amount}*(1-{f_rate})'],
      ['{ 客户 名称 }&""', '{f_name}&""'],
      ['{Quantity}+{数量}', '{f_qty}+{f_qty}'],
      ['SUM({明细.单价})', 'SUM({f_items.c_price})'],
      ['{f_amount}+{金额}', '{f_amount}+{f_amount}'],
      ['SUM({回款.回款金额})', 'SUM({payments.p_amount})'],
    ])('should store %s as %s', (display, stored) => {
      expect(toStoredExpression(display, fields, { forms })).toEqual({ expression: stored, errors: [] })
    })

    it('should report an unknown label with its position and keep the text', () => {
      const r = toStoredExpression('{金额} + {未知字段} * 2', fields)
      expect(r.expression).toBe('{f_amount} + {未知字段} * 2')
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0]).toMatchObject({ code: 'UNKNOWN_LABEL', start: 7, end: 13 })
      expect(r.errors[0]!.messages['zh-CN']).toBe('找不到名为“未知字段”的字段')
    })

    it('should report an unknown subform column label', () => {
      expect(toStoredExpression('SUM({明细.税额})', fields).errors[0]).toMatchObject({ code: 'UNKNOWN_LABEL', start: 4, end: 11 })
    })

    it('should report an ambiguous label', () => {
      const twins = [field('number', 'f_a', '金额'), field('number', 'f_b', '金额')]
      expect(toStoredExpression('{金额}', twins).errors[0]?.code).toBe('AMBIGUOUS_LABEL')
    })

    it('should round-trip display and stored forms', () => {
      const stored = 'IF({f_vip}, SUM({f_items.c_price}) * {f_rate}, {f_amount}) & {f_name}'
      expect(toStoredExpression(toDisplayExpression(stored, fields), fields).expression).toBe(stored)
    })

    it('should leave an unterminated reference for the parser to report', () => {
      expect(toStoredExpression('{金额', fields)).toEqual({ expression: '{金额', errors: [] })
    })
  })
})

import { describe, expect, it } from 'vitest'
import { moneyField } from '../../../../src/core/fields/money.field'
import { numberField } from '../../../../src/core/fields/number.field'
import { percentField } from '../../../../src/core/fields/percent.field'
import { field } from '../../../fixtures/fields'

const zh = { locale: 'zh-CN' as const }

describe('numeric fields', () => {
  describe('numberField.parseText', () => {
    it.each([
      ['1,234.5', 1234.5], [' 42 ', 42], ['-3', -3], ['(1,000)', -1000], ['１２３', 123], ['50%', 0.5], ['1e3', 1000], ['¥1,200', 1200], ['', null],
    ])('should read %j as %j', (text, value) => {
      expect(numberField.parseText(text, field('number'))).toEqual({ ok: true, value })
    })

    it('should refuse text that is not a number, quoting it', () => {
      const r = numberField.parseText('12abc', field('number'))
      expect(r.ok).toBe(false)
      expect(!r.ok && r.error['zh-CN']).toBe('「12abc」不是数字')
    })

    it('should round to the field precision', () => {
      expect(numberField.parseText('2.345', field('number', { options: { precision: 2 } }))).toEqual({ ok: true, value: 2.35 })
    })
  })

  describe('moneyField.parseText', () => {
    it('should strip currency symbols and codes', () => {
      for (const t of ['$1,234.50', 'CNY 1234.5', '1234.5元', '￥1,234.50']) expect(moneyField.parseText(t, field('money')), t).toEqual({ ok: true, value: 1234.5 })
    })

    it('should refuse a percentage', () => {
      expect(moneyField.parseText('5%', field('money')).ok).toBe(false)
    })
  })

  describe('percentField.parseText', () => {
    it('should store 25% and 25 both as 25', () => {
      expect(percentField.parseText('25%', field('percent'))).toEqual({ ok: true, value: 25 })
      expect(percentField.parseText('25', field('percent'))).toEqual({ ok: true, value: 25 })
    })
  })

  describe('format', () => {
    it('should format numbers with precision, thousands and unit', () => {
      expect(numberField.format(1234567.891, field('number', { options: { precision: 1, thousands: true, unit: 'kg' } }), zh)).toBe('1,234,567.9 kg')
      expect(numberField.format(-1234, field('number', { options: { thousands: true } }), zh)).toBe('-1,234')
      expect(numberField.format(null, field('number'), zh)).toBe('')
    })

    it('should format money with symbol, grouping and 2 decimals by default', () => {
      expect(moneyField.format(1234.5, field('money'), zh)).toBe('¥1,234.50')
      expect(moneyField.format(-5, field('money', { options: { currency: 'USD', precision: 0 } }), zh)).toBe('-$5')
      expect(moneyField.format(5, field('money', { options: { currency: 'CHF' } }), zh)).toBe('CHF 5.00')
    })

    it('should format percentages with a % sign', () => {
      expect(percentField.format(12.5, field('percent', { options: { precision: 1 } }), zh)).toBe('12.5%')
    })
  })

  describe('compare', () => {
    it('should sort numerically with empty values last', () => {
      const values = [10, null, -2, 3]
      expect([...values].sort((a, b) => numberField.compare(a, b, field('number')))).toEqual([-2, 3, 10, null])
    })
  })

  describe('convertFrom', () => {
    it('should convert text, checkbox and other numbers', () => {
      expect(moneyField.convertFrom('1,200', field('text'), field('money'))).toEqual({ ok: true, value: 1200 })
      expect(numberField.convertFrom(true, field('checkbox'), field('number'))).toEqual({ ok: true, value: 1 })
      expect(moneyField.convertFrom(2.555, field('number'), field('money', { options: { precision: 2 } }))).toEqual({ ok: true, value: 2.56 })
    })

    it('should say when text cannot become a number', () => {
      expect(numberField.convertFrom('many', field('text'), field('number')).ok).toBe(false)
    })
  })
})

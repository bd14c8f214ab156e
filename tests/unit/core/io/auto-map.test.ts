import { describe, expect, it } from 'vitest'
import { autoMapColumns, normalizeHeader } from '../../../../src/core/io/auto-map'
import { field, starterFields } from '../../../fixtures/io'

describe('auto-map', () => {
  describe('normalizeHeader', () => {
    it('should ignore case, spaces, punctuation and full-width forms', () => {
      expect(normalizeHeader(' Deal_Stage ')).toBe(normalizeHeader('deal stage'))
      expect(normalizeHeader('金额（元）')).toBe('金额元')
      expect(normalizeHeader('ＡＢＣ')).toBe('abc')
    })
  })

  describe('autoMapColumns', () => {
    const fields = starterFields()

    it('should match headers by label in either locale and by field id', () => {
      expect(autoMapColumns(['名称', 'Amount', 'f_date', 'unknown'], fields, 'zh-CN')).toEqual(['f_text', 'f_money', 'f_date', null])
    })

    it('should match despite case, spaces and punctuation, an exact label before a loose one', () => {
      expect(autoMapColumns(['WEBSITE-URL', 'e-mail'], fields, 'en')).toEqual(['f_url', 'f_email'])
      expect(autoMapColumns(['WEBSITE-URL', 'e-mail', 'Email'], fields, 'en')).toEqual(['f_url', null, 'f_email'])
    })

    it('should map headers that normalise alike to their own fields, never drop one', () => {
      const a = field('checkbox', { id: 'a', label: 'Budget_Confirmed__c' })
      const b = field('checkbox', { id: 'b', label: 'BudgetConfirmed__c' })
      expect(autoMapColumns(['BudgetConfirmed__c', 'Budget_Confirmed__c'], [a, b], 'en')).toEqual(['b', 'a'])
      expect(autoMapColumns(['Budget_Confirmed__c', 'BudgetConfirmed__c'], [a, b], 'en')).toEqual(['a', 'b'])
    })

    it('should map each field at most once', () => {
      expect(autoMapColumns(['Name', '名称'], fields, 'en')).toEqual(['f_text', null])
    })

    it('should prefer the current locale when labels collide', () => {
      const a = field('text', { id: 'a', label: { 'zh-CN': 'Stage', 'en': 'Phase' } })
      const b = field('text', { id: 'b', label: { 'zh-CN': '阶段', 'en': 'Stage' } })
      expect(autoMapColumns(['Stage'], [a, b], 'en')).toEqual(['b'])
      expect(autoMapColumns(['Stage'], [a, b], 'zh-CN')).toEqual(['a'])
    })

    it('should skip computed fields', () => {
      const f = field('formula', { id: 'calc', label: 'Total', options: { expression: '1' } })
      expect(autoMapColumns(['Total'], [f], 'en')).toEqual([null])
    })
  })
})

import { describe, expect, it } from 'vitest'
import { exportTextRows } from '../../../../src/core/io/export-rows'
import { formatLookup, lookupFormatter, lookupSource } from '../../../../src/core/records/lookup-display'
import { field } from '../../../fixtures/fields'
import { accountsForm, dealsForm, formOf, rec } from '../../../fixtures/derived'

const forms = new Map([['accounts', accountsForm()]])
const formOfId = (id: string) => forms.get(id)

describe('lookup-display', () => {
  describe('formatLookup', () => {
    it('should show a looked-up option by its label, not its id', () => {
      const deals = dealsForm()
      const source = lookupSource(deals.fields.find(f => f.id === 'acc_industry') as never, deals.fields, formOfId)!
      expect(formatLookup('a', source, { locale: 'en' })).toBe('High')
      expect(formatLookup('a', source, { locale: 'zh-CN' })).toBe('高')
      expect(formatLookup(null, source, { locale: 'en' })).toBe('')
    })

    it('should join the items of a multiple relation, each formatted', () => {
      const f = formOf('p', [
        field('relation', { id: 'accs', options: { formId: 'accounts', multiple: true } }),
        field('lookup', { id: 'inds', options: { relationField: 'accs', targetField: 'industry' } }),
      ])
      const source = lookupSource(f.fields[1] as never, f.fields, formOfId)!
      expect(formatLookup(['a', 'b'], source, { locale: 'en' })).toBe('High, Medium')
    })

    it('should show a looked-up relation by the linked record\'s title', () => {
      const f = formOf('n', [
        field('relation', { id: 'deal', options: { formId: 'deals' } }),
        field('lookup', { id: 'acc', options: { relationField: 'deal', targetField: 'account' } }),
      ])
      const source = lookupSource(f.fields[1] as never, f.fields, id => (id === 'deals' ? dealsForm() : undefined))!
      expect(formatLookup('a1', source, { locale: 'zh-CN', relationTitle: (formId, id) => (formId === 'accounts' && id === 'a1' ? '华为' : undefined) })).toBe('华为')
    })
  })

  describe('lookupFormatter', () => {
    it('should make an export show looked-up options by label while a context without it shows the raw id', () => {
      const deals = dealsForm()
      const industry = deals.fields.find(f => f.id === 'acc_industry')!
      const rows = [rec('d1', { acc_industry: 'b' })]
      const base = { locale: 'zh-CN' as const }
      expect(exportTextRows(rows, [industry], { ...base, formatLookup: lookupFormatter(deals.fields, formOfId, base) })).toEqual([['中']])
      expect(exportTextRows(rows, [industry], base)).toEqual([['b']])
    })

    it('should show a dangling lookup as a marked placeholder, never its raw ids', () => {
      const f = formOf('x', [field('lookup', { id: 'l', options: { relationField: 'gone', targetField: 'industry' } })])
      expect(lookupFormatter(f.fields, formOfId, { locale: 'en' })('a', f.fields[0] as never)).toBe('[lookup source deleted]')
      expect(lookupFormatter(f.fields, formOfId, { locale: 'zh-CN' })(null, f.fields[0] as never)).toBe('')
    })
  })

  describe('lookupSource', () => {
    it('should give nothing for a dangling relation or target', () => {
      const deals = dealsForm()
      const lookup = deals.fields.find(f => f.id === 'acc_name') as never
      expect(lookupSource(lookup, [], formOfId)).toBeUndefined()
      expect(lookupSource(lookup, deals.fields, () => undefined)).toBeUndefined()
    })
  })
})

import { describe, expect, it } from 'vitest'
import { computeLinks, linkedIds, linkValue, rollupOf } from '../../../../src/core/records/lookups'
import { relatedRowsOf } from '../../../../src/core/records/related-rows'
import { field } from '../../../fixtures/fields'
import { accounts, dealsForm, formOf } from '../../../fixtures/derived'

const related = relatedRowsOf({ accounts: accounts() })
const many = formOf('portfolio', [
  field('relation', { id: 'accs', options: { formId: 'accounts', multiple: true } }),
  field('lookup', { id: 'names', options: { relationField: 'accs', targetField: 'name' } }),
  field('rollup', { id: 'n', options: { relationField: 'accs', fn: 'count' } }),
  field('rollup', { id: 'n_rev', options: { relationField: 'accs', targetField: 'revenue', fn: 'count' } }),
  field('rollup', { id: 'sum', options: { relationField: 'accs', targetField: 'revenue', fn: 'sum' } }),
  field('rollup', { id: 'avg', options: { relationField: 'accs', targetField: 'revenue', fn: 'avg' } }),
  field('rollup', { id: 'min', options: { relationField: 'accs', targetField: 'revenue', fn: 'min' } }),
  field('rollup', { id: 'max', options: { relationField: 'accs', targetField: 'revenue', fn: 'max' } }),
])

describe('lookups', () => {
  describe('linkedIds', () => {
    it('should read a single id or a list, dropping empties and repeats', () => {
      expect(linkedIds('a1')).toEqual(['a1'])
      expect(linkedIds(['a1', '', 'a2', 'a1', null])).toEqual(['a1', 'a2'])
      expect(linkedIds(null)).toEqual([])
    })
  })

  describe('linkValue', () => {
    it('should give the linked record\'s target value through a single relation', () => {
      const form = dealsForm()
      expect(computeLinks(form, { account: 'a2' }, related)).toEqual({ acc_name: '腾讯', acc_industry: 'b' })
    })

    it('should give null when nothing is linked, the record is gone, or its value is empty', () => {
      const form = dealsForm()
      expect(computeLinks(form, {}, related)).toEqual({ acc_name: null, acc_industry: null })
      expect(computeLinks(form, { account: 'gone' }, related)).toEqual({ acc_name: null, acc_industry: null })
      expect(computeLinks(form, { account: 'a3' }, related).acc_name).toBeNull()
    })

    it('should list the non-empty target values of a multiple relation in link order', () => {
      expect(linkValue(many.fields[1] as never, many.fields, { accs: ['a2', 'a3', 'a1'] }, related)).toEqual(['腾讯', '华为'])
      expect(linkValue(many.fields[1] as never, many.fields, { accs: ['a3'] }, related)).toBeNull()
    })

    it('should roll up every function by hand-computed figures, skipping non-numeric values', () => {
      // a1 revenue 100, a2 50, a3 'n/a' (text: skipped by sum/avg/min/max, counted by count-with-target).
      expect(computeLinks(many, { accs: ['a1', 'a2', 'a3'] }, related)).toMatchObject({ n: 3, n_rev: 3, sum: 150, avg: 75, min: 50, max: 100 })
    })

    it('should give 0 for sum and count and null for avg, min, max over no linked record', () => {
      expect(computeLinks(many, { accs: [] }, related)).toMatchObject({ n: 0, n_rev: 0, sum: 0, avg: null, min: null, max: null, names: null })
      expect(computeLinks(many, { accs: ['a3'] }, related)).toMatchObject({ n: 1, sum: 0, avg: null, min: null, max: null })
    })

    it('should not count linked ids whose records no longer exist', () => {
      expect(computeLinks(many, { accs: ['a1', 'deleted'] }, related)).toMatchObject({ n: 1, sum: 100 })
    })

    it('should give the empty rollup when the relation field is missing', () => {
      const broken = formOf('x', [field('rollup', { id: 's', options: { relationField: 'nope', targetField: 'revenue', fn: 'sum' } })])
      expect(computeLinks(broken, {}, related)).toEqual({ s: 0 })
    })
  })

  describe('rollupOf', () => {
    it('should not show floating-point noise in sums and averages', () => {
      expect(rollupOf('sum', [0.1, 0.2], 2, true)).toBe(0.3)
      expect(rollupOf('avg', [0.1, 0.2], 2, true)).toBe(0.15)
    })

    it('should skip NaN and Infinity', () => {
      expect(rollupOf('max', [Number.NaN, Infinity, 3], 3, true)).toBe(3)
    })
  })
})

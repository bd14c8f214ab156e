import { describe, expect, it } from 'vitest'
import { skippedColumns } from '../../../../src/core/io/skipped-columns'
import { field } from '../../../fixtures/io'

describe('skipped-columns', () => {
  describe('skippedColumns', () => {
    const a = field('checkbox', { id: 'a', label: 'Budget_Confirmed__c' })
    const name = field('text', { id: 'name', label: { 'zh-CN': '名称', 'en': 'Name' } })

    it('should list every column left out, with why', () => {
      // Column 2 was mapped away by the user, column 3 shares the field of column 0, column 4 matches nothing.
      const headers = ['Budget_Confirmed__c', 'Name', 'Name', 'BudgetConfirmed__c', 'Région']
      expect(skippedColumns(headers, ['a', null, 'name', null, null], [a, name])).toEqual([
        { col: 1, header: 'Name', reason: 'fieldTaken', field: 'name' },
        { col: 3, header: 'BudgetConfirmed__c', reason: 'fieldTaken', field: 'a' },
        { col: 4, header: 'Région', reason: 'noField' },
      ])
      expect(skippedColumns(['名称'], [null], [a, name])).toEqual([{ col: 0, header: '名称', reason: 'chosen', field: 'name' }])
    })

    it('should list nothing when every column is imported', () => {
      expect(skippedColumns(['Name'], ['name'], [name])).toEqual([])
    })
  })
})

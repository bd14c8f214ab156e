import { describe, expect, it } from 'vitest'
import { quickSearch } from '../../../../src/core/query'
import { field, records, selectField, stageField } from '../../../fixtures/query'

const fields = [
  field('text', 'name'), field('phone', 'phone'), field('email', 'email'), field('url', 'site'), field('textarea', 'notes'),
  field('number', 'amount'), stageField(), selectField('tags', ['vip', 'new'], 'multiselect'), field('member', 'owner'),
]
const rows = records({
  acme: { name: 'Acme 科技', phone: '138-0000-1111', email: 'Sales@Acme.com', amount: 5000, stage: 's3', owner: 'm1' },
  beta: { name: '贝塔公司', notes: '客户要求\n下周回访', site: 'https://beta.cn', tags: ['vip'], amount: 138 },
  gamma: { name: 'Gamma', stage: 'won', tags: ['new'], owner: 'm2' },
})
const find = (text: string, members?: Map<string, string>): string[] => quickSearch(rows, text, fields, { members }).map(r => r.id)

describe('query/search', () => {
  describe('quickSearch', () => {
    it('should find text, phone, email, url and textarea values ignoring case', () => {
      expect(find('acme')).toEqual(['acme'])
      expect(find('0000-1111')).toEqual(['acme'])
      expect(find('sales@acme')).toEqual(['acme'])
      expect(find('BETA.CN')).toEqual(['beta'])
      expect(find('回访')).toEqual(['beta'])
    })

    it('should find select, stage and multiselect values by their labels in either language', () => {
      expect(find('需求分析')).toEqual(['acme'])
      expect(find('成交')).toEqual(['gamma'])
      expect(find('Option vip')).toEqual(['beta'])
      expect(find('选项new')).toEqual(['gamma'])
    })

    it('should find members by name only when given the member names', () => {
      expect(find('王')).toEqual([])
      expect(find('王', new Map([['m1', '王芳'], ['m2', '李雷']]))).toEqual(['acme'])
    })

    it('should require every word to be found, each in any field', () => {
      expect(find('acme 需求')).toEqual(['acme'])
      expect(find('acme 成交')).toEqual([])
    })

    it('should not search numbers, and match everything for blank text', () => {
      expect(find('138')).toEqual(['acme'])
      expect(find('  ')).toEqual(['acme', 'beta', 'gamma'])
    })
  })
})

import type { FieldDef, RecordRow } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { runQuery } from '../../../../src/core/query'
import { field } from '../../../fixtures/fields'

const industry = field('select', { id: 'ind', label: '行业', options: { choices: [{ id: 'fin', label: { 'zh-CN': '金融', 'en': 'Finance' } }, { id: 'med', label: { 'zh-CN': '医疗健康', 'en': 'Healthcare' } }] } })
const owner = field('member', { id: 'own', label: '负责人' })
const fields: FieldDef[] = [
  field('text', { id: 'name', label: '姓名' }),
  field('lookup', { id: 'acc_ind', label: '客户行业', options: { relationField: 'acc', targetField: 'ind' } }),
  field('lookup', { id: 'acc_inds', label: '客户行业们', options: { relationField: 'accs', targetField: 'ind' } }),
  field('lookup', { id: 'acc_owner', label: '客户负责人', options: { relationField: 'acc', targetField: 'own' } }),
]
const sources: Record<string, FieldDef> = { acc_ind: industry, acc_inds: industry, acc_owner: owner }
const sourceOf = (f: FieldDef) => sources[f.id]
const rec = (id: string, values: Record<string, unknown>): RecordRow => ({ id, values, createdAt: 1, updatedAt: 1, rev: 1 })
const records = [
  rec('c1', { name: '陈超', acc_ind: 'fin', acc_owner: 'm1' }),
  rec('c2', { name: '李娜', acc_ind: 'med', acc_inds: ['med', 'fin'] }),
  rec('c3', { name: 'fin 先生', acc_ind: 'med' }),
]
const members = new Map([['m1', '王磊']])
const ids = (search: string, withSources = true) => runQuery([...records], { search }, fields, { now: 0 }, members, withSources ? sourceOf : undefined).records.map(r => r.id)

describe('runQuery quick search over lookups', () => {
  it('should find a looked-up option by the label the grid shows, in either language', () => {
    expect(ids('金融')).toEqual(['c1', 'c2'])
    expect(ids('healthcare')).toEqual(['c2', 'c3'])
  })

  it('should find a looked-up member by name', () => {
    expect(ids('王磊')).toEqual(['c1'])
  })

  it('should not match a lookup by its stored option id, which the grid never shows', () => {
    expect(ids('med')).toEqual([])
    expect(ids('health')).toEqual(['c2', 'c3'])
  })

  it('should search the stored values as text when the source is unknown', () => {
    expect(ids('金融', false)).toEqual([])
    expect(ids('med', false)).toEqual(['c2', 'c3'])
  })
})

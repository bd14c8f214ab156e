import { describe, expect, it } from 'vitest'
import { CURRENT_MEMBER } from '../../../../src/core/query'
import { cond, field, matchIds, records, selectField, stageField } from '../../../fixtures/query'

const fields = [
  selectField('region'),
  stageField(),
  selectField('tags', ['vip', 'new', 'cold'], 'multiselect'),
  field('member', 'owner'),
  field('member', 'team', { multiple: true }),
  field('relation', 'account', { formId: 'accounts', multiple: true }),
  field('checkbox', 'done'),
  field('attachment', 'files'),
  field('createdBy', 'author'),
]

describe('query/compile-filter', () => {
  describe('compileFilter on select and stage fields', () => {
    const rows = records({
      s1: { region: 'a', stage: 's1' },
      s3: { region: 'b', stage: 's3' },
      won: { region: 'c', stage: 'won' },
      gone: { region: 'zz', stage: 'removed-stage' },
      none: {},
    })

    it('should compare option ids with eq / ne / in / notIn', () => {
      expect(matchIds(cond('region', 'eq', 'b'), rows, fields)).toEqual(['s3'])
      expect(matchIds(cond('region', 'ne', 'b'), rows, fields)).toEqual(['s1', 'won', 'gone', 'none'])
      expect(matchIds(cond('region', 'in', ['a', 'c']), rows, fields)).toEqual(['s1', 'won'])
      expect(matchIds(cond('region', 'notIn', ['a', 'c']), rows, fields)).toEqual(['s3', 'gone', 'none'])
    })

    it('should still find values of a removed option by id', () => {
      expect(matchIds(cond('region', 'eq', 'zz'), rows, fields)).toEqual(['gone'])
    })

    it('should compare stages by their position, not their id', () => {
      expect(matchIds(cond('stage', 'gte', 's3'), rows, fields)).toEqual(['s3', 'won'])
      expect(matchIds(cond('stage', 'gt', 's1'), rows, fields)).toEqual(['s3', 'won'])
      expect(matchIds(cond('stage', 'lt', 'won'), rows, fields)).toEqual(['s1', 's3'])
      expect(matchIds(cond('stage', 'lte', 's1'), rows, fields)).toEqual(['s1'])
      expect(matchIds(cond('stage', 'between', ['won', 's3']), rows, fields)).toEqual(['s3', 'won'])
    })

    it('should match empty / notEmpty', () => {
      expect(matchIds(cond('stage', 'empty'), rows, fields)).toEqual(['none'])
      expect(matchIds(cond('stage', 'notEmpty'), rows, fields)).toEqual(['s1', 's3', 'won', 'gone'])
    })
  })

  describe('compileFilter on multiselect fields', () => {
    const rows = records({
      both: { tags: ['vip', 'new'] },
      swapped: { tags: ['new', 'vip'] },
      vip: { tags: ['vip'] },
      cold: { tags: ['cold'] },
      empty: { tags: [] },
      none: {},
    })

    it('should match eq as the same set of options, in any order', () => {
      expect(matchIds(cond('tags', 'eq', ['vip', 'new']), rows, fields)).toEqual(['both', 'swapped'])
      expect(matchIds(cond('tags', 'eq', 'vip'), rows, fields)).toEqual(['vip'])
      expect(matchIds(cond('tags', 'ne', ['new', 'vip']), rows, fields)).toEqual(['vip', 'cold', 'empty', 'none'])
    })

    it('should match contains as "has the option" (every one, for a list)', () => {
      expect(matchIds(cond('tags', 'contains', 'vip'), rows, fields)).toEqual(['both', 'swapped', 'vip'])
      expect(matchIds(cond('tags', 'contains', ['vip', 'new']), rows, fields)).toEqual(['both', 'swapped'])
      expect(matchIds(cond('tags', 'notContains', 'vip'), rows, fields)).toEqual(['cold', 'empty', 'none'])
    })

    it('should match in as "has any" and notIn as "has none"', () => {
      expect(matchIds(cond('tags', 'in', ['new', 'cold']), rows, fields)).toEqual(['both', 'swapped', 'cold'])
      expect(matchIds(cond('tags', 'notIn', ['new', 'cold']), rows, fields)).toEqual(['vip', 'empty', 'none'])
    })

    it('should treat [] like a missing value', () => {
      expect(matchIds(cond('tags', 'empty'), rows, fields)).toEqual(['empty', 'none'])
      expect(matchIds(cond('tags', 'notEmpty'), rows, fields)).toEqual(['both', 'swapped', 'vip', 'cold'])
    })
  })

  describe('compileFilter on member and relation fields', () => {
    const rows = records({
      mine: { owner: 'm1', team: ['m1', 'm2'] },
      theirs: { owner: 'm2', team: ['m2'] },
      nobody: {},
    }, { createdBy: 'm2' })

    it('should match a single member by id', () => {
      expect(matchIds(cond('owner', 'eq', 'm1'), rows, fields)).toEqual(['mine'])
      expect(matchIds(cond('owner', 'in', ['m1', 'm2']), rows, fields)).toEqual(['mine', 'theirs'])
      expect(matchIds(cond('owner', 'empty'), rows, fields)).toEqual(['nobody'])
    })

    it('should resolve CURRENT_MEMBER to env.currentMemberId, and match nobody without one', () => {
      expect(matchIds(cond('owner', 'eq', CURRENT_MEMBER), rows, fields, { currentMemberId: 'm2' })).toEqual(['theirs'])
      expect(matchIds(cond('team', 'contains', CURRENT_MEMBER), rows, fields, { currentMemberId: 'm1' })).toEqual(['mine'])
      expect(matchIds(cond('owner', 'eq', CURRENT_MEMBER), rows, fields)).toEqual([])
      expect(matchIds(cond('owner', 'ne', CURRENT_MEMBER), rows, fields)).toEqual(['mine', 'theirs', 'nobody'])
    })

    it('should match multi-member fields with contains / notContains', () => {
      expect(matchIds(cond('team', 'contains', 'm2'), rows, fields)).toEqual(['mine', 'theirs'])
      expect(matchIds(cond('team', 'notContains', 'm1'), rows, fields)).toEqual(['theirs', 'nobody'])
      expect(matchIds(cond('team', 'eq', ['m2']), rows, fields)).toEqual(['theirs'])
    })

    it('should filter createdBy fields and the _createdBy column from the record itself', () => {
      expect(matchIds(cond('author', 'eq', 'm2'), rows, fields)).toEqual(['mine', 'theirs', 'nobody'])
      expect(matchIds(cond('_createdBy', 'eq', CURRENT_MEMBER), rows, fields, { currentMemberId: 'm1' })).toEqual([])
    })

    it('should match relation ids', () => {
      const rs = records({ x: { account: ['acc1', 'acc2'] }, y: { account: ['acc3'] } })
      expect(matchIds(cond('account', 'in', ['acc2']), rs, fields)).toEqual(['x'])
      expect(matchIds(cond('account', 'notIn', ['acc2']), rs, fields)).toEqual(['y'])
    })
  })

  describe('compileFilter on checkbox and attachment fields', () => {
    const rows = records({ on: { done: true, files: [{ name: 'a.pdf' }] }, off: { done: false, files: [] }, unset: {} })

    it('should count an unset checkbox as unchecked', () => {
      expect(matchIds(cond('done', 'eq', true), rows, fields)).toEqual(['on'])
      expect(matchIds(cond('done', 'eq', false), rows, fields)).toEqual(['off', 'unset'])
      expect(matchIds(cond('done', 'ne', true), rows, fields)).toEqual(['off', 'unset'])
      expect(matchIds(cond('done', 'empty'), rows, fields)).toEqual(['off', 'unset'])
      expect(matchIds(cond('done', 'notEmpty'), rows, fields)).toEqual(['on'])
    })

    it('should filter attachments by presence', () => {
      expect(matchIds(cond('files', 'notEmpty'), rows, fields)).toEqual(['on'])
      expect(matchIds(cond('files', 'empty'), rows, fields)).toEqual(['off', 'unset'])
    })
  })
})

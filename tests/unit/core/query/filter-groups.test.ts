import { describe, expect, it } from 'vitest'
import type { Filter } from '../../../../src/core/schema/filter'
import { compileFilter } from '../../../../src/core/query'
import { field, matchIds, NOW, records, stageField } from '../../../fixtures/query'

const fields = [field('text', 'name'), field('number', 'amount'), stageField()]
const rows = records({
  big: { name: 'Acme', amount: 5000, stage: 's3' },
  small: { name: 'Beta', amount: 50, stage: 's1' },
  won: { name: 'Gamma', amount: 800, stage: 'won' },
  blank: {},
})

describe('query/compile-filter', () => {
  describe('compileFilter groups', () => {
    it('should combine nested and / or groups', () => {
      const filter: Filter = { or: [
        { and: [{ field: 'amount', op: 'gte', value: 100 }, { field: 'stage', op: 'ne', value: 'won' }] },
        { and: [{ field: 'name', op: 'contains', value: 'et' }, { or: [{ field: 'stage', op: 'eq', value: 's1' }, { field: 'amount', op: 'gt', value: 1e6 }] }] },
      ] }
      expect(matchIds(filter, rows, fields)).toEqual(['big', 'small'])
    })

    it('should match every record with an empty group, at the root or nested in and', () => {
      expect(matchIds({ and: [] }, rows, fields)).toEqual(['big', 'small', 'won', 'blank'])
      expect(matchIds({ or: [] }, rows, fields)).toEqual(['big', 'small', 'won', 'blank'])
      expect(matchIds({ and: [{ or: [] }, { field: 'amount', op: 'lt', value: 100 }] }, rows, fields)).toEqual(['small'])
    })

    it('should match every record without a filter', () => {
      expect(matchIds(undefined, rows, fields)).toEqual(['big', 'small', 'won', 'blank'])
    })
  })

  describe('compileFilter on invalid filters', () => {
    it('should make a condition on an unknown field match nothing, without throwing', () => {
      expect(matchIds({ and: [{ field: 'deleted', op: 'eq', value: 1 }] }, rows, fields)).toEqual([])
      expect(matchIds({ or: [{ field: 'deleted', op: 'eq', value: 1 }, { field: 'amount', op: 'lt', value: 100 }] }, rows, fields)).toEqual(['small'])
    })

    it('should make an op the field does not support, or a value of the wrong shape, match nothing', () => {
      expect(matchIds({ and: [{ field: 'amount', op: 'contains', value: '5' }] }, rows, fields)).toEqual([])
      expect(matchIds({ and: [{ field: 'amount', op: 'gt', value: 'lots' }] }, rows, fields)).toEqual([])
      expect(matchIds({ and: [{ field: 'stage', op: 'gt', value: 'no-such-stage' }] }, rows, fields)).toEqual([])
    })

    it('should leave out a condition whose value is not filled in yet, like a filter builder row in progress', () => {
      const filter: Filter = { and: [{ field: 'name', op: 'eq', value: '' }, { field: 'amount', op: 'lt', value: 100 }] }
      expect(matchIds(filter, rows, fields)).toEqual(['small'])
      expect(matchIds({ and: [{ field: 'amount', op: 'in', value: [] }] }, rows, fields)).toEqual(['big', 'small', 'won', 'blank'])
      const inOr: Filter = { or: [{ and: [{ field: 'name', op: 'contains' }] }, { field: 'amount', op: 'eq', value: 800 }] }
      expect(matchIds(inOr, rows, fields)).toEqual(['won'])
    })

    it('should not throw on malformed JSON and match nothing for the bad node', () => {
      const env = { now: NOW }
      for (const bad of [42, 'x', [], { and: 'x' }, { and: [], or: [] }, { and: [null] }, { and: [{ field: 'name' }] }]) {
        const pass = compileFilter(bad, fields, env)
        expect(rows.filter(pass)).toEqual([])
      }
    })
  })
})

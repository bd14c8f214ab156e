import { describe, expect, it } from 'vitest'
import { runQuery } from '../../../../src/core/query'
import { field, NOW, records, stageField } from '../../../fixtures/query'

const fields = [field('text', 'name'), field('money', 'amount'), stageField()]
const rows = records({
  a: { name: 'Acme', amount: 100, stage: 's2' },
  b: { name: 'Acme Asia', amount: 900, stage: 's1' },
  c: { name: 'Beta', amount: 500, stage: 's3' },
  d: { name: 'Acme EU', stage: 'won' },
})

describe('query/run-query', () => {
  describe('runQuery', () => {
    it('should filter, search and sort, reporting matched of total', () => {
      const result = runQuery(rows, {
        filter: { and: [{ field: 'stage', op: 'lt', value: 'won' }] },
        search: 'acme',
        sort: [{ field: 'amount', dir: 'desc' }],
      }, fields, { now: NOW })
      expect(result.records.map(r => r.id)).toEqual(['b', 'a'])
      expect(result).toMatchObject({ total: 4, matched: 2 })
    })

    it('should return every record in input order for an empty query', () => {
      const result = runQuery(rows, {}, fields, { now: NOW })
      expect(result.records.map(r => r.id)).toEqual(['a', 'b', 'c', 'd'])
      expect(result).toMatchObject({ total: 4, matched: 4 })
    })

    it('should sort by stage order after filtering', () => {
      const result = runQuery(rows, { sort: [{ field: 'stage', dir: 'asc' }], filter: { and: [{ field: 'amount', op: 'notEmpty' }] } }, fields, { now: NOW })
      expect(result.records.map(r => r.id)).toEqual(['b', 'a', 'c'])
      expect(result.matched).toBe(3)
    })
  })
})

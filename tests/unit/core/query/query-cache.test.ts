import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileFilter, quickSearch, runQuery, sortRecords } from '../../../../src/core/query'
import type { RecordRow, SortKey } from '../../../../src/core/schema/types'
import { NOW } from '../../../fixtures/query'
import { RANDOM_FIELDS, RANDOM_MEMBERS, randomSearch, randomSort, randomValues, refSearch, refSort, rowsOf } from '../../../fixtures/query-random'

const ids = (rows: readonly RecordRow[]): string[] => rows.map(r => r.id)
const members = fc.constantFrom(undefined, RANDOM_MEMBERS)
const query = (rows: readonly RecordRow[], search: string, sort: SortKey[], m?: ReadonlyMap<string, string>, filter?: unknown): string[] =>
  ids(runQuery(rows, { search, sort, filter }, RANDOM_FIELDS, { now: NOW }, m).records)
const expected = (rows: readonly RecordRow[], search: string, sort: SortKey[], m?: ReadonlyMap<string, string>, filter?: unknown): string[] =>
  ids(refSort(refSearch(rows.filter(compileFilter(filter, RANDOM_FIELDS, { now: NOW })), search, m), sort, m))

describe('query/run-query (cached path)', () => {
  describe('runQuery', () => {
    it('should return exactly the records and order of a plain search + stable comparator sort', () => {
      fc.assert(fc.property(fc.array(randomValues, { maxLength: 40 }), randomSearch, randomSort, members, (values, search, sort, m) => {
        const rows = rowsOf(values)
        expect(query(rows, search, sort, m)).toEqual(expected(rows, search, sort, m))
        // asked again (now from the cache): the same answer
        expect(query(rows, search, sort, m)).toEqual(expected(rows, search, sort, m))
      }), { numRuns: 300 })
    }, 60_000)

    it('should apply a filter together with the search', () => {
      const filter = { or: [{ field: 'amount', op: 'gt', value: 0 }, { field: 'stage', op: 'in', value: ['won', 's1'] }] }
      fc.assert(fc.property(fc.array(randomValues, { maxLength: 40 }), randomSearch, randomSort, (values, search, sort) => {
        const rows = rowsOf(values)
        expect(query(rows, search, sort, RANDOM_MEMBERS, filter)).toEqual(expected(rows, search, sort, RANDOM_MEMBERS, filter))
      }), { numRuns: 150 })
    }, 60_000)

    it('should follow edits, additions and deletions made to the same records array between queries', () => {
      const edit = fc.oneof(
        fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), values: randomValues }),
        fc.record({ kind: fc.constant('add' as const), values: randomValues }),
        fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      )
      const step = fc.record({ edits: fc.array(edit, { maxLength: 4 }), search: randomSearch, sort: randomSort })
      fc.assert(fc.property(fc.array(randomValues, { maxLength: 30 }), fc.array(step, { minLength: 1, maxLength: 6 }), (values, steps) => {
        const rows = rowsOf(values)
        let added = 0
        for (const { edits, search, sort } of steps) {
          for (const e of edits) {
            // as the records store does: a changed record is a new object at the same position
            if (e.kind === 'replace' && rows.length > 0) { const i = e.at % rows.length; rows[i] = { ...rows[i]!, values: e.values, rev: rows[i]!.rev + 1 } }
            if (e.kind === 'add') rows.push(rowsOf([e.values], `n${added++}-`)[0]!)
            if (e.kind === 'delete' && rows.length > 0) rows.splice(e.at % rows.length, 1)
          }
          expect(query(rows, search, sort, RANDOM_MEMBERS)).toEqual(expected(rows, search, sort, RANDOM_MEMBERS))
        }
      }), { numRuns: 200 })
    }, 60_000)

    it('should find words cut from the records\' own texts (whole ones too) on a column\'s first search, the next ones and after an edit', () => {
      // The first search of a column since it changed reads its texts row by row, later ones
      // the joined texts (text-rows.ts): words that are a whole text, its start or its end
      // are where the two could differ.
      const cut = fc.record({ row: fc.nat(), token: fc.nat(), start: fc.nat(), end: fc.nat(), whole: fc.boolean() })
      fc.assert(fc.property(fc.array(randomValues, { minLength: 1, maxLength: 30 }), fc.array(cut, { minLength: 1, maxLength: 3 }), randomSort, randomValues, (values, cuts, sort, edited) => {
        const rows = rowsOf(values)
        const tokens = rows.map(r => [r.values.title, r.values.notes].map(v => (v === undefined ? '' : String(v))).join(' ').split(/\s+/).filter(t => t !== ''))
        const words = cuts.map(({ row, token, start, end, whole }) => {
          const ts = tokens[row % tokens.length]!
          if (ts.length === 0) return ''
          const t = ts[token % ts.length]!
          if (whole) return t
          const from = start % t.length
          return t.slice(from, from + 1 + (end % (t.length - from)))
        })
        const search = words.join(' ')
        for (let round = 0; round < 3; round++) expect(query(rows, search, sort, RANDOM_MEMBERS)).toEqual(expected(rows, search, sort, RANDOM_MEMBERS))
        rows[0] = { ...rows[0]!, values: edited, rev: 2 }
        for (let round = 0; round < 2; round++) expect(query(rows, search, sort, RANDOM_MEMBERS)).toEqual(expected(rows, search, sort, RANDOM_MEMBERS))
      }), { numRuns: 300 })
    }, 60_000)

    it('should give the same first answer whether the fill walks each record\'s values or reads them by key', () => {
      // fill-columns.ts walks the values (for...in) when records hold few beyond the columns a
      // query reads, and reads by key when they hold many more: padding switches the path.
      const pad = Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`x${k}`, k % 2 ? 'zz' : k]))
      fc.assert(fc.property(fc.array(randomValues, { maxLength: 30 }), randomSearch, randomSort, fc.boolean(), (values, search, sort, padded) => {
        const rows = rowsOf(padded ? values.map(v => ({ ...pad, ...v })) : values)
        expect(query(rows, search, sort, RANDOM_MEMBERS)).toEqual(expected(rows, search, sort, RANDOM_MEMBERS))
      }), { numRuns: 300 })
    }, 60_000)

    it('should find a record by its new text right after it is edited, and no longer by its old one', () => {
      const rows = rowsOf([{ title: 'Alpha 系统' }, { title: 'Beta' }])
      expect(query(rows, '系统', [])).toEqual(['r0'])
      rows[1] = { ...rows[1]!, values: { title: '新系统' } }
      rows[0] = { ...rows[0]!, values: { title: 'Alpha' } }
      expect(query(rows, '系统', [])).toEqual(['r1'])
      expect(query(rows, 'alpha', [])).toEqual(['r0'])
    })

    it('should search a column empty in every row once an edit fills it, in stored and folded form', () => {
      const rows = rowsOf([{ title: '系统' }, { title: 'x' }, {}])
      expect(query(rows, '需求', [])).toEqual([])
      expect(query(rows, 'abc', [])).toEqual([])
      rows[2] = { ...rows[2]!, values: { notes: 'ABC 需求' } }
      expect(query(rows, '需求', [])).toEqual(['r2'])
      expect(query(rows, 'abc', [])).toEqual(['r2'])
      // the folded texts, once made, follow later edits too
      rows[1] = { ...rows[1]!, values: { title: 'xABCx' } }
      expect(query(rows, 'abc', [])).toEqual(['r1', 'r2'])
      rows[2] = { ...rows[2]!, values: { notes: '需求' } }
      expect(query(rows, 'abc', [])).toEqual(['r1'])
      expect(query(rows, '需求 系统', [])).toEqual([])
    })

    it('should sort by an edited amount right after the edit', () => {
      const rows = rowsOf([{ amount: 1 }, { amount: 2 }, { amount: 3 }])
      expect(query(rows, '', [{ field: 'amount', dir: 'desc' }])).toEqual(['r2', 'r1', 'r0'])
      rows[0] = { ...rows[0]!, values: { amount: 9 } }
      expect(query(rows, '', [{ field: 'amount', dir: 'desc' }])).toEqual(['r0', 'r2', 'r1'])
    })
  })

  describe('quickSearch / sortRecords (uncached)', () => {
    it('should match the plain definitions', () => {
      fc.assert(fc.property(fc.array(randomValues, { maxLength: 40 }), randomSearch, randomSort, members, (values, search, sort, m) => {
        const rows = rowsOf(values)
        expect(ids(quickSearch(rows, search, RANDOM_FIELDS, { members: m }))).toEqual(ids(refSearch(rows, search, m)))
        expect(ids(sortRecords(rows, sort, RANDOM_FIELDS, { members: m }))).toEqual(ids(refSort(rows, sort, m)))
      }), { numRuns: 300 })
    }, 60_000)
  })
})

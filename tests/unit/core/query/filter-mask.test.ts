import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FieldDef, RecordRow } from '../../../../src/core/schema/types'
import { compileFilter, filterMask } from '../../../../src/core/query'
import { recordColumns } from '../../../../src/core/metrics'
import { applyEdit, recordEditArb } from '../../../fixtures/record-edits'

const choice = (id: string) => ({ id, label: id })
const FIELDS: FieldDef[] = [
  { id: 'title', type: 'text', label: 'Title' },
  { id: 'stage', type: 'select', label: 'Stage', options: { choices: ['s1', 's2', 'won'].map(choice) } },
  { id: 'tags', type: 'multiselect', label: 'Tags', options: { choices: ['a', 'b'].map(choice) } },
  { id: 'owner', type: 'member', label: 'Owner' },
  { id: 'amount', type: 'money', label: 'Amount' },
  { id: 'day', type: 'date', label: 'Day' },
  { id: 'done', type: 'checkbox', label: 'Done' },
  { id: 'created', type: 'createdAt', label: 'Created' },
]
const NOW = Date.UTC(2024, 5, 15, 12)

/** Values as stores hold them, and the odd ones they may meet (numbers as text, lists, null, a value of the wrong kind). */
const valuesArb = fc.record({
  title: fc.constantFrom<unknown>('Alpha', 'alpha beta', '', undefined, null, 12),
  stage: fc.constantFrom<unknown>('s1', 's2', 'won', 'gone', undefined, null, '', 3),
  tags: fc.constantFrom<unknown>(['a'], ['a', 'b'], [], 'a', undefined),
  owner: fc.constantFrom<unknown>('m1', 'm2', ['m1', 'm2'], undefined, null, ''),
  amount: fc.constantFrom<unknown>(5, 0, -3, '7', ' 8 ', '', 'x', undefined, null, true, Number.NaN),
  day: fc.constantFrom<unknown>('2024-06-01', '2024-06-15', '2024-05-31', '2023-01-01', undefined, 'bad', 1718000000000),
  done: fc.constantFrom<unknown>(true, false, undefined, 'true'),
  created: fc.constantFrom<unknown>(undefined, '2024-06-01'),
}, { requiredKeys: [] })

const recordArb = fc.tuple(valuesArb, fc.integer({ min: 0, max: 400 })).map(([values, day]) => ({ values, day }))
const toRecord = (id: string, r: { values: Record<string, unknown>, day: number }): RecordRow =>
  ({ id, values: r.values, createdAt: NOW - r.day * 86_400_000, updatedAt: NOW, rev: 1 })

const conditionArb = fc.oneof(
  fc.record({ field: fc.constantFrom('stage', 'owner', 'tags'), op: fc.constantFrom('in', 'notIn'), value: fc.constantFrom(['s1'], ['won', 's2'], ['m1'], ['a'], ['$me'], []) }),
  fc.record({ field: fc.constantFrom('stage', 'title', 'owner'), op: fc.constantFrom('eq', 'ne', 'contains', 'notContains'), value: fc.constantFrom('s1', 'alpha', 'm2', '') }),
  fc.record({ field: fc.constantFrom('amount', 'title'), op: fc.constantFrom('gt', 'lte', 'eq'), value: fc.constantFrom(5, 0, '7') }),
  fc.record({ field: fc.constantFrom('day', 'created', '_createdAt'), op: fc.constantFrom('between', 'thisMonth', 'lastNDays', 'lt'), value: fc.constantFrom(['2024-06-01', '2024-06-30'], 30, '2024-06-10', undefined) }),
  fc.record({ field: fc.constantFrom('stage', 'amount', 'tags', 'day', 'done', 'nope', '_id'), op: fc.constantFrom('empty', 'notEmpty', 'eq'), value: fc.constantFrom(true, 'r1', undefined) }),
)
const filterArb = fc.letrec<{ node: unknown }>(tie => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    conditionArb,
    fc.record({ and: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ or: fc.array(tie('node'), { maxLength: 3 }) }),
  ),
})).node

const editArb = recordEditArb(recordArb)

function expectSame(records: readonly RecordRow[], filter: unknown, currentMemberId: string | undefined): void {
  const env = { now: NOW, currentMemberId }
  const keep = compileFilter(filter, FIELDS, env)
  const rc = recordColumns(records)
  const mask = filterMask(records, filter, FIELDS, env, id => rc.codes(id))
  expect(Array.from(mask)).toEqual(records.map(r => (keep(r) ? 1 : 0)))
}

describe('filterMask', () => {
  it('should keep exactly the records compileFilter keeps, after edits, removals and additions', () => {
    fc.assert(fc.property(fc.array(recordArb, { minLength: 1, maxLength: 30 }), fc.array(filterArb, { minLength: 1, maxLength: 3 }), fc.array(editArb, { maxLength: 4 }), fc.constantFrom('m1', undefined),
      (list, filters, edits, me) => {
        let rows = list.map((r, i) => toRecord(`r${i}`, r))
        for (const f of filters) expectSame(rows, f, me)
        edits.forEach((e, k) => {
          if (rows.length === 0) return
          rows = applyEdit(rows, e, toRecord, `n${k}`).rows
          for (const f of filters) expectSame(rows, f, me)
        })
      }), { numRuns: 300 })
  }, 120_000)

  it('should match all without a filter and none for an unknown field', () => {
    const rows = [toRecord('a', { values: { stage: 's1' }, day: 0 }), toRecord('b', { values: {}, day: 0 })]
    const rc = recordColumns(rows)
    expect(Array.from(filterMask(rows, undefined, FIELDS, { now: NOW }, id => rc.codes(id)))).toEqual([1, 1])
    expect(Array.from(filterMask(rows, { and: [{ field: 'nope', op: 'eq', value: 1 }] }, FIELDS, { now: NOW }, id => rc.codes(id)))).toEqual([0, 0])
  })
})

import type { FieldDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { changesWithTheDay, recomputeRows } from '../../../../src/core/records'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 10, 16, 4)
const score = (op: string, value?: unknown): FieldDef => ({ id: 'score', type: 'score', label: '评分', options: { rules: [{ id: 'r', when: { or: [{ and: [{ field: 'last', op, value } as never] }] }, points: 10 }] } })
const last: FieldDef = { id: 'last', type: 'date', label: '最近跟进' }

describe('records/changesWithTheDay', () => {
  it('should tell the derived values that move with the day from those that do not', () => {
    expect(changesWithTheDay({ fields: [last, score('lastNDays', 30)] })).toBe(true)
    expect(changesWithTheDay({ fields: [last, score('thisWeek')] })).toBe(true)
    expect(changesWithTheDay({ fields: [last, score('notEmpty')] })).toBe(false)
    expect(changesWithTheDay({ fields: [last, { id: 'f', type: 'formula', label: '天数', options: { expression: 'DAYS(today(), {last})' } }] })).toBe(true)
    expect(changesWithTheDay({ fields: [last, { id: 'f', type: 'formula', label: '现在', options: { expression: 'NOW()' } }] })).toBe(false)
  })

  it('should give a lead contacted 5 days ago its points, and take them away 40 days later', () => {
    const form = { schemaVersion: 1, id: 'leads', appId: 'a', name: '线索', fields: [last, score('lastNDays', 30)], createdAt: 0, updatedAt: 0 }
    const row = { id: 'l1', values: { last: new Date(T0 - 5 * DAY).toISOString().slice(0, 10), score: 0 }, createdAt: 0, updatedAt: 0, rev: 1 }
    const [now] = recomputeRows(form, [row], { related: { get: () => undefined, rows: () => [] }, formula: { now: T0 } })
    expect(now?.values.score).toBe(10)
    const [later] = recomputeRows(form, [now!], { related: { get: () => undefined, rows: () => [] }, formula: { now: T0 + 40 * DAY } })
    expect(later?.values.score).toBe(0)
  })
})

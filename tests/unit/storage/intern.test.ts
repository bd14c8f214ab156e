import { describe, expect, it } from 'vitest'
import { poolEntry, poolRecord, StringPool } from '@/storage/intern'

describe('StringPool', () => {
  it('should leave every value of a record as it was (strings in values, lists and list items, creator)', () => {
    const make = () => ({
      id: 'r1',
      values: { title: '启明 数字化转型项目 #11001', stage: 'stage_won', tags: ['a', 'b'], files: [{ name: 'x.pdf', size: 3 }], amount: 13000, none: null, long: 'x'.repeat(100) },
      createdAt: 1, updatedAt: 2, rev: 3, createdBy: 'demo_rep_6',
    })
    const row = make()
    const pool = new StringPool()
    poolRecord(row, pool)
    poolRecord(make(), pool)
    expect(row).toEqual(make())
  })

  it('should give an event its record id from the records read, and keep ids of records not read', () => {
    const records = new Map([['opp_1', { id: 'opp_1' }]])
    const pool = new StringPool()
    const e = { id: 'ev1', formId: 'f', recordId: 'opp_1', fieldId: 's', from: null, to: 'stage_won', at: 5 }
    poolEntry(e, pool, records)
    expect(e).toEqual({ id: 'ev1', formId: 'f', recordId: 'opp_1', fieldId: 's', from: null, to: 'stage_won', at: 5 })
    const orphan = { id: 'ev2', formId: 'f', recordId: 'gone', fieldId: 's', from: 'a', to: 'b', at: 6 }
    poolEntry(orphan, pool, records)
    expect(orphan.recordId).toBe('gone')
  })
})

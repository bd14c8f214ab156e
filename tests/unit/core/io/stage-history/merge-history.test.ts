import type { RecordRow, StageEvent } from '../../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { amountChangeEntries, amountSignature, mergeHistory } from '../../../../../src/core/io/stage-history'

const rec = (id: string, values: Record<string, unknown>): RecordRow => ({ id, values, createdAt: 0, updatedAt: 0, rev: 1 })
const ev = (id: string, recordId: string, from: string | null, to: string, at: number): StageEvent => ({ id, formId: 'f', recordId, fieldId: 'stage', from, to, at })

// Rebuilt from a log: D1 (exists), D2 (new), D3 (two records share it).
const rebuilt = [rec('n1', { key: 'D1', stage: 'won', amount: 150 }), rec('n2', { key: 'D2', stage: 's1' }), rec('n3', { key: 'D3', stage: 's2' })]
const events = [ev('e1', 'n1', null, 's1', 1), ev('e2', 'n1', 's1', 'won', 5), ev('e3', 'n2', null, 's1', 2), ev('e4', 'n3', null, 's2', 3)]
const existing = [rec('r1', { key: 'D1', stage: 's1', amount: 100, note: 'keep me' }), rec('r3a', { key: 'D3' }), rec('r3b', { key: 'D3' })]
const base = { records: rebuilt, events, keyField: 'key', existing, existingEvents: [] as StageEvent[], mode: 'upsert' as const, updateFields: [] as string[] }

describe('merge-history', () => {
  describe('mergeHistory', () => {
    it('should append history to the matching record, create new keys and set shared keys aside', () => {
      const m = mergeHistory(base)
      expect(m.appended.map(e => [e.recordId, e.from, e.to, e.at])).toEqual([['r1', null, 's1', 1], ['r1', 's1', 'won', 5]])
      expect(m.patches).toEqual([])
      expect(m.creates.map(r => r.values.key)).toEqual(['D2'])
      expect(m.createEvents.map(e => e.id)).toEqual(['e3'])
      expect(m.unmatched).toEqual([{ key: 'D3', recordId: 'n3', reason: 'ambiguous' }])
      expect([...m.targets]).toEqual([['n1', 'r1']])
      expect([m.matched, m.changed, m.duplicateEvents]).toEqual([1, 1, 0])
    })

    it('should update the current values of matched records only when asked, keeping the others', () => {
      const m = mergeHistory({ ...base, updateFields: ['stage', 'amount'] })
      expect(m.patches).toEqual([{ recordId: 'r1', values: { stage: 'won', amount: 150 } }])
    })

    it('should count keys without a record as unmatched in match-only mode', () => {
      const m = mergeHistory({ ...base, mode: 'matchOnly' })
      expect(m.creates).toEqual([])
      expect(m.unmatched).toEqual([{ key: 'D2', recordId: 'n2', reason: 'notFound' }, { key: 'D3', recordId: 'n3', reason: 'ambiguous' }])
    })

    it('should write nothing when the same history is imported again', () => {
      const first = mergeHistory(base)
      const again = mergeHistory({ ...base, existingEvents: first.appended, mode: 'matchOnly' })
      expect(again.appended).toEqual([])
      expect(again.duplicateEvents).toBe(2)
      expect(again.duplicates).toEqual([{ key: 'D1', to: 's1', at: 1, eventId: 'e1' }, { key: 'D1', to: 'won', at: 5, eventId: 'e2' }])
      expect([again.matched, again.changed]).toEqual([1, 0])
    })
  })

  describe('amountChangeEntries', () => {
    it('should make one backdated change per new amount after the first, leaving out those the form holds', () => {
      const series = [{ at: 1, to: 100 }, { at: 5, to: 150 }, { at: 9, to: 120 }]
      const all = amountChangeEntries(series, { formId: 'f', recordId: 'r1', fieldId: 'amount', known: new Set() })
      expect(all.map(c => [c.recordId, c.at, c.kind, c.changes])).toEqual([
        ['r1', 5, 'update', [{ field: 'amount', from: 100, to: 150 }]],
        ['r1', 9, 'update', [{ field: 'amount', from: 150, to: 120 }]],
      ])
      const again = amountChangeEntries(series, { formId: 'f', recordId: 'r1', fieldId: 'amount', known: new Set(all.map(c => amountSignature(c.recordId, c.at, c.changes![0]!.to))) })
      expect(again).toEqual([])
    })
  })
})

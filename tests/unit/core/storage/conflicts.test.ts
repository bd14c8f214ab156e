import { describe, expect, it } from 'vitest'
import type { RecordRow } from '../../../../src/core/schema/types'
import type { Transaction } from '../../../../src/core/storage/adapter'
import { changedFields, latestPuts, resolveCommit, sameData } from '../../../../src/core/storage/conflicts'
import { putTx, record } from '../../../fixtures/storage'

/** Record `r<i>` at rev `rev`. */
const at = (i: number, rev: number, values: Record<string, unknown> = {}): RecordRow => ({ ...record(i, values), rev })

/** A lookup over stored rows of the form `deals`. */
function storedOf(...rows: RecordRow[]) {
  const byId = new Map(rows.map(r => [r.id, r]))
  return (formId: string, id: string) => (formId === 'deals' ? byId.get(id) : undefined)
}

describe('conflicts', () => {
  describe('resolveCommit', () => {
    it('should store a put built from the stored version as it is, with no conflict', () => {
      const tx = putTx([at(1, 3, { f_amount: 5 }), at(2, 1)])
      const resolved = resolveCommit(tx, storedOf(at(1, 2)))
      expect(resolved).toEqual({ tx, conflicts: [], raised: [] })
      expect(resolved.tx).toBe(tx)
    })

    it('should let the later of two edits of one version win, above the stored rev, and name the lost field', () => {
      // Two tabs read rev 4; the first stored 'A' at rev 5; the second commits 'B' at rev 5.
      const first = at(1, 5, { f_name: 'A' })
      const tx = putTx([at(1, 5, { f_name: 'B' })])
      const resolved = resolveCommit(tx, storedOf(first))
      expect(resolved.tx.records?.deals?.put).toEqual([at(1, 6, { f_name: 'B' })])
      expect(resolved.conflicts).toEqual([{ formId: 'deals', recordId: 'r1', lostRev: 5, rev: 6, fields: ['f_name'] }])
      expect(resolved.raised).toEqual([{ formId: 'deals', row: at(1, 6, { f_name: 'B' }) }])
      expect(tx.records?.deals?.put?.[0]?.rev).toBe(5)
    })

    it('should keep a put\'s own rev when it is already above the stored one, and still report the overwrite', () => {
      const resolved = resolveCommit(putTx([at(1, 9, { f_amount: 1 })]), storedOf(at(1, 4, { f_amount: 2 })))
      expect(resolved.tx.records?.deals?.put?.[0]?.rev).toBe(9)
      expect(resolved.conflicts).toEqual([{ formId: 'deals', recordId: 'r1', lostRev: 4, rev: 9, fields: ['f_amount'] }])
      expect(resolved.raised).toEqual([])
    })

    it('should change nothing for a put equal to what is stored (a replayed log entry)', () => {
      const tx = putTx([at(1, 5, { f_name: 'A' })])
      const resolved = resolveCommit(tx, storedOf(at(1, 5, { f_name: 'A' })))
      expect(resolved.tx).toBe(tx)
      expect(resolved.conflicts).toEqual([])
    })

    it('should raise the rev but report no conflict when both writers stored the same values', () => {
      const resolved = resolveCommit(putTx([{ ...at(1, 5), updatedAt: 2 }]), storedOf({ ...at(1, 5), updatedAt: 1 }))
      expect(resolved.conflicts).toEqual([])
      expect(resolved.raised.map(r => r.row.rev)).toEqual([6])
    })

    it('should leave new records, other forms and the rest of the transaction alone', () => {
      const tx: Transaction = {
        records: { deals: { put: [at(7, 1), at(1, 2, { f_name: 'B' })], delete: ['r3'] }, leads: { put: [at(1, 2)] } },
        changes: [{ id: 'c1', formId: 'deals', recordId: 'r1', at: 1, kind: 'update' }],
      }
      const resolved = resolveCommit(tx, storedOf(at(1, 2, { f_name: 'A' })))
      expect(resolved.tx.records?.deals?.put?.map(r => [r.id, r.rev])).toEqual([['r7', 1], ['r1', 3]])
      expect(resolved.tx.records?.deals?.delete).toEqual(['r3'])
      expect(resolved.tx.records?.leads).toBe(tx.records?.leads)
      expect(resolved.tx.changes).toBe(tx.changes)
    })
  })

  describe('latestPuts', () => {
    const tx = putTx([at(1, 5), at(2, 3), at(3, 1)])

    it('should drop puts older than the version held, and of records the copy knows are gone', () => {
      const held = (_: string, id: string) => ({ r1: at(1, 6), r2: at(2, 3), r3: null })[id]
      expect(latestPuts(tx, held).records?.deals?.put?.map(r => r.id)).toEqual(['r2'])
    })

    it('should keep every put when the copy cannot tell (the form is not loaded)', () => {
      expect(latestPuts(tx, () => undefined)).toBe(tx)
    })
  })

  describe('sameData / changedFields', () => {
    it('should compare plain data structurally, treating a missing key as undefined', () => {
      expect(sameData({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true)
      expect(sameData({ a: [1, 2] }, { a: { 0: 1, 1: 2 } })).toBe(false)
      expect(sameData(null, {})).toBe(false)
    })

    it('should name the fields whose values differ, a cleared one included', () => {
      expect(changedFields(at(1, 1, { f_name: 'A', f_x: 1 }), at(1, 1, { f_name: 'A', f_x: null }))).toEqual(['f_x'])
    })
  })
})

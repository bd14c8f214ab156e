import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RecordRow } from '../../../../src/core/schema/types'
import { applyRecordChanges } from '../../../../src/core/records/apply-changes'

const row = (id: string, v: number): RecordRow => ({ id, values: { v }, createdAt: 0, updatedAt: 0, rev: 1 })

/** The plain reading of the contract: each put replaces its record where it stands (found by object) or appends it; deletes remove. */
function reference(rows: RecordRow[], byId: Map<string, RecordRow>, put: RecordRow[], del: string[]): void {
  for (const rec of put) {
    const old = byId.get(rec.id)
    if (old) {
      const i = rows.indexOf(old)
      if (i >= 0) rows[i] = rec
    }
    else rows.push(rec)
    byId.set(rec.id, rec)
  }
  const gone = new Set(del)
  for (const id of gone) byId.delete(id)
  const kept = rows.filter(r => !gone.has(r.id))
  rows.length = 0
  rows.push(...kept)
}

describe('applyRecordChanges', () => {
  it('should replace, append and remove as the plain reading does, for few and many puts, new and existing alike', () => {
    const ids = fc.integer({ min: 0, max: 40 }).map(n => `r${n}`)
    fc.assert(fc.property(fc.uniqueArray(ids), fc.array(fc.tuple(ids, fc.nat(9)), { maxLength: 40 }), fc.array(ids, { maxLength: 5 }), (start, puts, del) => {
      const initial = start.map((id, i) => row(id, i))
      const put = puts.map(([id, v]) => row(id, 100 + v))
      const rows = initial.slice()
      const byId = new Map(initial.map(r => [r.id, r]))
      applyRecordChanges(rows, byId, { put, delete: del })
      const wantRows = initial.slice()
      const wantById = new Map(initial.map(r => [r.id, r]))
      reference(wantRows, wantById, put, del)
      // the same objects at the same places
      expect(rows.length).toBe(wantRows.length)
      rows.forEach((r, i) => expect(r).toBe(wantRows[i]))
      expect([...byId]).toEqual([...wantById])
    }), { numRuns: 500 })
  })
})

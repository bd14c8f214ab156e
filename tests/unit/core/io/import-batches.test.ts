import type { ImportPlan } from '../../../../src/core/io/import-types'
import { describe, expect, it } from 'vitest'
import { batchTransaction } from '../../../../src/core/io/batch-transaction'
import { importBatches } from '../../../../src/core/io/import-batches'
import { isImportInterrupted, journalBatchCommitted, startJournal } from '../../../../src/core/io/import-journal'
import { createMemoryAdapter } from '../../../../src/core/storage/memory-adapter'
import { field, form, record } from '../../../fixtures/io'

function planOf(updates: number, inserts: number): ImportPlan {
  return {
    formId: 'form1',
    updates: Array.from({ length: updates }, (_, i) => ({ recordId: `r${i}`, values: { n: i } })),
    inserts: Array.from({ length: inserts }, (_, i) => ({ n: 100 + i })),
    insertLines: Array.from({ length: inserts }, (_, i) => i + 2),
    rejected: [],
    rejectedRows: 0,
    totalRows: updates + inserts,
  }
}

describe('import-batches', () => {
  describe('importBatches', () => {
    it('should cut the plan into batches of at most batchSize, updates first', () => {
      const b = importBatches(planOf(3, 8), 5)
      expect(b.map(x => [x.updates.length, x.inserts.length])).toEqual([[3, 2], [0, 5], [0, 1]])
      expect(b.map(x => x.progress)).toEqual([5 / 11, 10 / 11, 1])
      expect(b.every(x => x.total === 3)).toBe(true)
      expect(b.flatMap(x => x.inserts.map(v => v.n))).toEqual([100, 101, 102, 103, 104, 105, 106, 107])
    })

    it('should default to 5000 records per batch', () => {
      expect(importBatches(planOf(0, 12_001)).map(b => b.inserts.length)).toEqual([5000, 5000, 2001])
    })

    it('should give no batch for an empty plan and refuse a zero batch size', () => {
      expect(importBatches(planOf(0, 0))).toEqual([])
      expect(() => importBatches(planOf(0, 1), 0)).toThrow(RangeError)
    })
  })

  describe('batchTransaction', () => {
    const f = form([field('number', { id: 'n' }), field('stage', { id: 's', options: { stages: [{ id: 'a', label: 'A', kind: 'open' }] } })])

    it('should commit each batch atomically so an interrupted import leaves whole batches', async () => {
      const adapter = createMemoryAdapter()
      const byId = new Map([['r0', record('r0', { n: 0 })]])
      await adapter.commit({ records: { form1: { put: [...byId.values()] } } })
      const plan = planOf(1, 4)
      plan.inserts[0] = { n: 100, s: 'a' }
      let journal = startJournal('imp1', 'deals.csv', 'form1', 0, 1000)
      const batches = importBatches(plan, 2)
      journal = { ...journal, totalBatches: batches.length, finishedAt: undefined }
      for (const batch of batches.slice(0, 2)) {
        const res = batchTransaction(f, batch, byId, () => [], { now: 2000 })
        if (!res.ok) throw new Error('batch refused')
        await adapter.commit(res.tx)
        journal = journalBatchCommitted(journal, 3000)
      }
      const rows = await adapter.loadRecords('form1')
      expect(rows.map(r => r.values.n)).toEqual([0, 100, 101, 102])
      expect((await adapter.loadStageEvents('form1')).map(e => e.to)).toEqual(['a'])
      expect(journal).toMatchObject({ committedBatches: 2, totalBatches: 3 })
      expect(isImportInterrupted(journal)).toBe(true)
      expect(isImportInterrupted(journalBatchCommitted(journal, 4000))).toBe(false)
    })

    it('should refuse the whole batch when one updated record is invalid', () => {
      const batch = importBatches(planOf(3, 0), 3)[0]
      if (!batch) throw new Error('no batch')
      const byId = new Map(['r0', 'r1', 'r2'].map(id => [id, record(id, { n: 0 })]))
      const res = batchTransaction(f, batch, byId, v => (v.n === 1 ? [{ fieldId: 'n', code: 'x', message: { 'zh-CN': '坏', 'en': 'bad' } }] : []), { now: 1 })
      expect(res.ok).toBe(false)
    })

    it('should not check the schema of a planned insert again: the plan validated it whole', () => {
      const batch = importBatches(planOf(0, 3), 3)[0]
      if (!batch) throw new Error('no batch')
      let calls = 0
      const res = batchTransaction(f, batch, new Map(), () => {
        calls++
        return []
      }, { now: 1 })
      expect(res.ok).toBe(true)
      expect(calls).toBe(0)
      // Handed to storage without a copy: frozen, so nobody edits them afterwards.
      if (res.ok) expect(Object.isFrozen(res.records[0]) && Object.isFrozen(res.records[0]!.values)).toBe(true)
    })
  })

  describe('startJournal', () => {
    it('should start with no batch committed', () => {
      const j = startJournal('imp', 'a.csv', 'form1', 4, 123)
      expect(j).toEqual({ importId: 'imp', fileName: 'a.csv', formId: 'form1', totalBatches: 4, committedBatches: 0, startedAt: 123 })
      expect(isImportInterrupted(j)).toBe(true)
    })
  })
})

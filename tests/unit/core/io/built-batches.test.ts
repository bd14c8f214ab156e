import type { ImportPlan } from '../../../../src/core/io/import-types'
import type { FormDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { batchTransaction } from '../../../../src/core/io/batch-transaction'
import { builtBatches } from '../../../../src/core/io/built-batches'
import { importBatches } from '../../../../src/core/io/import-batches'
import { importRecordId } from '../../../../src/core/io/import-journal'
import { validatorFor } from '../../../../src/core/records/validator-cache'
import { salesForm } from '../../../fixtures/io-ui'

function serialSales(): FormDef {
  const f = salesForm()
  return { ...f, fields: [...f.fields, { id: 'sn', type: 'serial', label: '编号', options: { pattern: 'N{000}' } }], serialCounters: { sn: 4 } }
}

function planOf(n: number): ImportPlan {
  return {
    formId: 'deals',
    inserts: Array.from({ length: n }, (_, i) => ({ title: `商机${i}`, amount: i * 10, stage: i % 2 ? 's2' : 's1' })),
    insertLines: Array.from({ length: n }, (_, i) => i + 2),
    updates: [],
    rejected: [],
    rejectedRows: 0,
    totalRows: n,
  }
}

describe('builtBatches', () => {
  it('should build the same records as the page builds batch by batch, serials running on across batches', () => {
    const form = serialSales()
    const plan = planOf(7)
    const now = 1_700_000_000_000
    const built = [...builtBatches(plan, { form, existing: [], validate: validatorFor(form), importId: 'imp', batchSize: 3, context: () => ({ now }) })]
    expect(built.map(b => [b.index, b.total, b.size])).toEqual([[0, 3, 3], [1, 3, 3], [2, 3, 1]])
    const rows = built.flatMap(b => b.tx.records?.deals?.put ?? [])
    expect(rows.map(r => r.id)).toEqual(plan.insertLines.map(line => importRecordId('imp', line)))
    expect(rows.map(r => r.values.sn)).toEqual(['N005', 'N006', 'N007', 'N008', 'N009', 'N010', 'N011'])
    expect(built.at(-1)?.tx.defs?.put?.[0]?.doc).toMatchObject({ serialCounters: { sn: 11 } })
    // one stage event and one change entry per record
    expect(built.flatMap(b => b.tx.stageEvents ?? []).map(e => [e.recordId, e.to])).toEqual(rows.map(r => [r.id, r.values.stage]))
    expect(built.flatMap(b => b.tx.changes ?? []).length).toBe(7)
    // the page's path: batchTransaction per batch, the form's counters carried by the store
    let pageForm = form
    const page = importBatches(plan, 3, 'imp').flatMap((batch) => {
      const res = batchTransaction(pageForm, batch, new Map(), validatorFor(pageForm), { now, existing: [] })
      if (!res.ok) throw new Error('refused')
      pageForm = res.tx.defs?.put?.[0]?.doc as FormDef
      return res.records
    })
    expect(rows).toEqual(page)
  })

  it('should give backdated stage events when asked, and refuse a plan with updates', () => {
    const f = salesForm()
    const form: FormDef = { ...f, fields: [...f.fields, { id: 'd1', type: 'date', label: '进入方案报价' }] }
    const stage = form.fields.find(x => x.type === 'stage')
    if (stage?.type !== 'stage') throw new Error('no stage field')
    const plan: ImportPlan = { ...planOf(2), inserts: [{ title: 'a', stage: 's2', d1: '2024-03-01' }, { title: 'b', stage: 's2' }] }
    const [b] = [...builtBatches(plan, { form, existing: [], validate: validatorFor(form), importId: 'imp', batchSize: 10, context: () => ({ now: Date.UTC(2025, 0, 1) }), stageDates: { field: stage, columns: [{ stage: 's2', fieldId: 'd1' }] } })]
    const first = b?.tx.stageEvents?.filter(e => e.recordId === importRecordId('imp', 2))
    expect(first?.map(e => [e.to, new Date(e.at).toISOString().slice(0, 10)])).toEqual([['s2', '2024-03-01']])
    const withUpdate: ImportPlan = { ...planOf(1), updates: [{ recordId: 'x', values: { title: 'y' } }] }
    expect(() => [...builtBatches(withUpdate, { form, existing: [], validate: validatorFor(form), importId: 'imp', batchSize: 10, context: () => ({ now: 0 }) })]).toThrow(/updates/)
  })
})

import type { RecordRow } from '../../../../src/core/schema/types'
import type { WriteResult } from '../../../../src/core/records/mutations'
import { describe, expect, it } from 'vitest'
import { applyRecordChanges } from '../../../../src/core/records/apply-changes'
import { mergeWrites } from '../../../../src/core/records/merge-writes'
import { createRecords, deleteRecords, updateRecords } from '../../../../src/core/records/mutations'
import { replayOps, undoStepOf } from '../../../../src/core/records/undo'
import { editForm, row, validate } from '../../../fixtures/grid-edit'

const form = editForm()
const ctx = { now: 1000 }

/** A form's live records as the store holds them. */
function table(list: RecordRow[]) {
  const rows = [...list]
  const byId = new Map(rows.map(r => [r.id, r]))
  return { rows, byId, apply: (r: WriteResult) => {
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    applyRecordChanges(rows, byId, r.tx.records![form.id]!)
    return r
  } }
}

describe('undo', () => {
  describe('undoStepOf', () => {
    it('should revert only the changed fields of an edit, and redo them', () => {
      const t = table([row(0, { name: 'A', amount: 1 }), row(1, { name: 'B', amount: 2 })])
      const before = new Map(t.byId)
      const edit = t.apply(updateRecords(form, t.byId, [{ recordId: 'r0', values: { amount: 9 } }], validate(form), ctx))
      const step = undoStepOf(form, edit.ok ? edit.tx.records![form.id]! : {}, before)!
      expect(step).toMatchObject({ action: 'edit', size: 1, undo: [{ kind: 'patch', patches: [{ recordId: 'r0', values: { amount: 1 } }] }] })
      t.apply(replayOps(form, t.byId, step.undo, validate(form), ctx))
      expect(t.byId.get('r0')!.values).toEqual({ name: 'A', amount: 1 })
      t.apply(replayOps(form, t.byId, step.redo, validate(form), ctx))
      expect(t.byId.get('r0')!.values.amount).toBe(9)
    })

    it('should give nothing to undo for a write that changed nothing', () => {
      const r = row(0, { name: 'A' })
      expect(undoStepOf(form, { put: [r] }, new Map([['r0', r]]))).toBeUndefined()
    })

    it('should undo a paste that edited and added records in one step: values back, new records to the bin', () => {
      const t = table([row(0, { name: 'A', amount: 1 })])
      const before = new Map(t.byId)
      const merged = mergeWrites(
        updateRecords(form, t.byId, [{ recordId: 'r0', values: { name: 'X' } }], validate(form), ctx),
        createRecords(form, [{ name: 'N1' }, { name: 'N2' }], validate(form), ctx),
      )
      t.apply(merged)
      const step = undoStepOf(form, merged.ok ? merged.tx.records![form.id]! : {}, before, 'paste')!
      expect(step.size).toBe(3)
      const undone = replayOps(form, t.byId, step.undo, validate(form), ctx)
      expect(undone.ok && undone.tx.records![form.id]!.delete).toHaveLength(2)
      expect(undone.ok && undone.tx.records![form.id]!.toTrash).toBe(true)
      t.apply(undone)
      expect(t.rows.map(r => r.values.name)).toEqual(['A'])
      const redone = replayOps(form, t.byId, step.redo, validate(form), ctx)
      expect(redone.ok && redone.tx.records![form.id]!.restore).toHaveLength(2)
    })

    it('should restore deleted records from the recycle bin as they were', () => {
      const t = table([row(0, { name: 'A', amount: 3 })])
      const before = new Map(t.byId)
      const step = undoStepOf(form, deleteRecords(form, ['r0'], ctx).records![form.id]!, before)!
      expect(step.action).toBe('delete')
      const undone = replayOps(form, new Map(), step.undo, validate(form), ctx)
      expect(undone.ok && undone.tx.records![form.id]).toEqual({ put: [row(0, { name: 'A', amount: 3 })], restore: ['r0'] })
      expect(undone.ok && undone.tx.changes!.map(c => c.kind)).toEqual(['restore'])
    })

    it('should append a stage event when a stage change is undone', () => {
      const t = table([row(0, { name: 'A', stage: 's1' })])
      const before = new Map(t.byId)
      const edit = t.apply(updateRecords(form, t.byId, [{ recordId: 'r0', values: { stage: 's2' } }], validate(form), ctx))
      const step = undoStepOf(form, edit.ok ? edit.tx.records![form.id]! : {}, before)!
      const undone = replayOps(form, t.byId, step.undo, validate(form), { now: 2000 })
      expect(undone.ok && undone.tx.stageEvents).toEqual([expect.objectContaining({ recordId: 'r0', from: 's2', to: 's1', at: 2000 })])
    })

    it('should refuse an undo whose old value is no longer valid and change nothing', () => {
      const strict = editForm([...form.fields.slice(0, 1), { id: 'amount', label: '金额', type: 'number', options: { min: 10 } }])
      const t = table([row(0, { name: 'A', amount: 50 })])
      const result = replayOps(strict, t.byId, [{ kind: 'patch', patches: [{ recordId: 'r0', values: { amount: 1 } }] }], validate(strict), ctx)
      expect(result.ok).toBe(false)
    })
  })

  describe('mergeWrites', () => {
    it('should refuse both when one part is refused, keeping its issues', () => {
      const bad = createRecords(form, [{ amount: 1 }], validate(form), ctx)
      const good = createRecords(form, [{ name: 'ok' }], validate(form), ctx)
      const merged = mergeWrites(good, bad)
      expect(merged.ok).toBe(false)
      expect(!merged.ok && merged.issues[0]!.issues[0]!.fieldId).toBe('name')
    })
  })
})

import type { FieldDef, FormDef, RecordRow } from '../../../../src/core/schema/types'
import type { WriteResult } from '../../../../src/core/records/mutations'
import { describe, expect, it } from 'vitest'
import { applyRecordChanges } from '../../../../src/core/records/apply-changes'
import { createRecords, updateRecords } from '../../../../src/core/records/mutations'
import { replayOps, undoStepOf } from '../../../../src/core/records/undo'
import { saveStagesTransaction } from '../../../../src/core/stages/save-stages'
import { funnelForm, funnelStageField } from '../../../fixtures/funnel'

/** The small funnel with forecast settings: lead 10 % pipeline, needs 40 % bestCase, proposal 60 % commit. */
function forecastForm(): FormDef {
  const stage = funnelStageField()
  stage.options.stages = stage.options.stages.map(s => s.id === 'needs' ? { ...s, forecastCategory: 'bestCase' as const } : s.id === 'proposal' ? { ...s, forecastCategory: 'commit' as const, gate: [] } : s)
  stage.options.forecast = { manualField: 'manual', categoryField: 'cat' }
  const form = funnelForm(stage)
  const extra: FieldDef[] = [
    { id: 'cat', type: 'select', label: '预测分类', options: { choices: ['pipeline', 'bestCase', 'commit', 'closed', 'omitted'].map(id => ({ id, label: id })) } },
    { id: 'manual', type: 'multiselect', label: '手动设置', options: { choices: [{ id: 'probability', label: '赢单概率' }, { id: 'category', label: '预测分类' }] } },
  ]
  return { ...form, fields: [...form.fields, ...extra] }
}

const form = forecastForm()
const ok = () => []
const ctx = { now: 1000 }

function table(list: RecordRow[] = []) {
  const rows = [...list]
  const byId = new Map(rows.map(r => [r.id, r]))
  const apply = (r: WriteResult): RecordRow[] => {
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    applyRecordChanges(rows, byId, r.tx.records![form.id]!)
    return r.records
  }
  const values = (id: string) => byId.get(id)!.values
  const create = (values: Record<string, unknown>) => apply(createRecords(form, [values], ok, { ...ctx, existing: rows }, [{ id: 'r1' }]))
  const update = (values: Record<string, unknown>) => {
    const before = new Map(byId)
    const r = updateRecords(form, byId, [{ recordId: 'r1', values }], ok, ctx)
    apply(r)
    return undoStepOf(form, r.ok ? r.tx.records![form.id]! : {}, before)
  }
  return { rows, byId, apply, values, create, update }
}

describe('forecast-follow', () => {
  describe('on create', () => {
    it('should take the stage defaults when neither value is given', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs' })
      expect(t.values('r1')).toMatchObject({ prob: 40, cat: 'bestCase' })
      expect(t.values('r1').manual).toBeUndefined()
    })

    it('should mark a given value that differs from the stage default as set by hand, and one equal to it not', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs', prob: 75, cat: 'bestCase' })
      expect(t.values('r1')).toMatchObject({ prob: 75, cat: 'bestCase', manual: ['probability'] })
    })

    it('should keep the manual list a re-import gives, and follow the rest', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs', prob: 75, cat: 'commit', manual: ['category'] })
      expect(t.values('r1')).toMatchObject({ prob: 40, cat: 'commit', manual: ['category'] })
    })

    it('should make won deals closed and lost deals omitted', () => {
      const t = table()
      t.create({ name: 'A', stage: 'won', amount: 5 })
      expect(t.values('r1')).toMatchObject({ prob: 100, cat: 'closed' })
    })
  })

  describe('on update', () => {
    it('should follow the stage when neither value was set by hand', () => {
      const t = table()
      t.create({ name: 'A', stage: 'lead' })
      t.update({ stage: 'needs' })
      expect(t.values('r1')).toMatchObject({ prob: 40, cat: 'bestCase' })
      t.update({ stage: 'proposal' })
      expect(t.values('r1')).toMatchObject({ prob: 60, cat: 'commit' })
    })

    it('should keep a manual probability across later stage changes while the category follows (the help page example)', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs' })
      t.update({ prob: 75 })
      expect(t.values('r1')).toMatchObject({ prob: 75, manual: ['probability'] })
      t.update({ stage: 'proposal' })
      expect(t.values('r1')).toMatchObject({ prob: 75, cat: 'commit', manual: ['probability'] })
    })

    it('should give a deal reaching won or lost both outcome defaults, and refuse a manual category for it', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs', prob: 75, cat: 'commit' })
      t.update({ stage: 'won', amount: 1 })
      expect(t.values('r1')).toMatchObject({ prob: 100, cat: 'closed' })
      expect(t.values('r1').manual).toBeUndefined()
      t.update({ cat: 'commit' })
      expect(t.values('r1').cat).toBe('closed')
      t.update({ prob: 90 })
      expect(t.values('r1')).toMatchObject({ prob: 90, manual: ['probability'] })
    })

    it('should reset to the stage default when the manual field is cleared ("恢复阶段默认")', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs', prob: 75, cat: 'commit' })
      expect(t.values('r1').manual).toEqual(['probability', 'category'])
      t.update({ manual: null })
      expect(t.values('r1')).toMatchObject({ prob: 40, cat: 'bestCase' })
      expect(t.values('r1').manual).toBeUndefined()
    })

    it('should reset one value when its cell is cleared, keeping the other manual', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs', prob: 75, cat: 'commit' })
      t.update({ prob: null })
      expect(t.values('r1')).toMatchObject({ prob: 40, cat: 'commit', manual: ['category'] })
    })

    it('should take a value typed equal to the stage default as following again', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs', prob: 75 })
      t.update({ prob: 40 })
      expect(t.values('r1').manual).toBeUndefined()
      t.update({ stage: 'proposal' })
      expect(t.values('r1').prob).toBe(60)
    })

    it('should leave the forecast alone on an edit of another field, even when it disagrees with the stage', () => {
      const t = table([{ id: 'r1', values: { name: 'A', stage: 'needs', prob: 33 }, createdAt: 0, updatedAt: 0, rev: 1 }])
      t.update({ name: 'B' })
      expect(t.values('r1')).toEqual({ name: 'B', stage: 'needs', prob: 33 })
    })

    it('should undo a manual edit back to following, and redo it', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs' })
      const step = t.update({ prob: 75 })!
      t.apply(replayOps(form, t.byId, step.undo, ok, ctx))
      expect(t.values('r1').prob).toBe(40)
      expect(t.values('r1').manual).toBeUndefined()
      t.apply(replayOps(form, t.byId, step.redo, ok, ctx))
      expect(t.values('r1')).toMatchObject({ prob: 75, manual: ['probability'] })
    })

    it('should undo a reset back to the manual value', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs', prob: 75 })
      const step = t.update({ manual: null })!
      expect(t.values('r1').prob).toBe(40)
      t.apply(replayOps(form, t.byId, step.undo, ok, ctx))
      expect(t.values('r1')).toMatchObject({ prob: 75, manual: ['probability'] })
    })

    it('should undo a stage change with the values it brought', () => {
      const t = table()
      t.create({ name: 'A', stage: 'lead' })
      const step = t.update({ stage: 'proposal' })!
      t.apply(replayOps(form, t.byId, step.undo, ok, ctx))
      expect(t.values('r1')).toMatchObject({ stage: 'lead', prob: 10, cat: 'pipeline' })
    })
  })

  describe('stage editor save', () => {
    it('should give following records a changed stage default and leave values set by hand', () => {
      const t = table()
      t.create({ name: 'A', stage: 'needs' })
      t.apply(createRecords(form, [{ name: 'B', stage: 'needs', prob: 75 }], ok, { ...ctx, existing: t.rows }, [{ id: 'r2' }]))
      const stage = form.fields.find(f => f.id === 'stage')
      if (stage?.type !== 'stage') throw new Error('no stage')
      const next = { ...stage, options: { ...stage.options, stages: stage.options.stages.map(s => s.id === 'needs' ? { ...s, probability: 50, forecastCategory: 'commit' as const } : s) } }
      const saved = saveStagesTransaction(form, next, t.rows, [], ctx)
      if (!saved.ok) throw new Error('refused')
      const put = new Map(saved.tx.records![form.id]!.put!.map(r => [r.id, r.values]))
      expect(put.get('r1')).toMatchObject({ prob: 50, cat: 'commit' })
      expect(put.get('r2')).toMatchObject({ prob: 75, cat: 'commit', manual: ['probability'] })
    })
  })
})

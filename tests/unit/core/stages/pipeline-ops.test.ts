import { describe, expect, it } from 'vitest'
import type { FieldOf, FormDef } from '../../../../src/core/schema/types'
import { pipelineOptions, widgetPipeline } from '../../../../src/core/dashboard'
import {
  addStage, addToPipelines, checkPipelines, moveStage, pipelineMoveIndex, prunePipelines, removeStage, saveStagesTransaction, setPipelineStage,
  splitByPipeline, stageFieldFor, stagesOfPipeline, strandedRecords, unsplitPipelines,
} from '../../../../src/core/stages'
import { widget } from '../../../fixtures/dashboard'
import { pipelineForm, pipelineRecords } from '../../../fixtures/pipelines'

const stageOf = (form: FormDef) => form.fields.find(f => f.id === 'stage') as FieldOf<'stage'>
const kindOf = (form: FormDef) => form.fields.find(f => f.id === 'kind') as FieldOf<'select'>
const ids = (field: FieldOf<'stage'>, pipeline?: string) => stagesOfPipeline(field, pipeline).map(s => s.id)
/** The fixture's stage field before it was split. */
const plain = () => unsplitPipelines(stageOf(pipelineForm()))

describe('stages/pipeline-ops', () => {
  it('should split a stage field by a select field with one pipeline per option, each starting with every stage', () => {
    const f = splitByPipeline(plain(), kindOf(pipelineForm()))
    expect(f.options.pipelines?.field).toBe('kind')
    expect(f.options.pipelines?.sets.map(s => s.pipeline)).toEqual(['new', 'renewal', 'channel'])
    for (const p of ['new', 'renewal', 'channel']) expect(ids(f, p)).toEqual(['lead', 'demo', 'renew', 'won', 'rwon', 'lost'])
    expect(checkPipelines(f, pipelineForm().fields)).toEqual([])
    expect(unsplitPipelines(f).options.pipelines).toBeUndefined()
    // splitting again by the same field keeps the narrowed sets and adds the options without one
    const again = splitByPipeline(stageOf(pipelineForm()), kindOf(pipelineForm()))
    expect(again.options.pipelines?.sets.map(s => [s.pipeline, s.stages.length])).toEqual([['new', 4], ['renewal', 3], ['channel', 6]])
  })

  it('should narrow one pipeline by unticking stages, in the field\'s order, and refuse unknown ones', () => {
    let f = splitByPipeline(plain(), kindOf(pipelineForm()))
    for (const s of ['lead', 'demo', 'won']) f = setPipelineStage(f, 'renewal', s, false)
    expect(ids(f, 'renewal')).toEqual(['renew', 'rwon', 'lost'])
    expect(ids(f, 'new')).toHaveLength(6)
    f = setPipelineStage(f, 'renewal', 'lead', true)
    expect(ids(f, 'renewal')).toEqual(['lead', 'renew', 'rwon', 'lost'])
    expect(() => setPipelineStage(f, 'gone', 'lead', true)).toThrow(/no pipeline/)
    expect(() => setPipelineStage(plain(), 'new', 'lead', true)).toThrow(/one pipeline/)
  })

  it('should add a new stage to the pipeline being edited only, or to every pipeline from the all-stages view', () => {
    const f = addStage(stageOf(pipelineForm()), { id: 'trial', label: '试用' }, 2)
    expect(ids(addToPipelines(f, 'trial', 'new'), 'new')).toEqual(['lead', 'demo', 'trial', 'won', 'lost'])
    expect(ids(addToPipelines(f, 'trial', 'new'), 'renewal')).toEqual(['renew', 'rwon', 'lost'])
    const everywhere = addToPipelines(f, 'trial')
    expect(ids(everywhere, 'renewal')).toEqual(['trial', 'renew', 'rwon', 'lost'])
  })

  it('should move an open stage past its neighbour within one pipeline, skipping the other pipeline\'s stages', () => {
    const f = stageOf(pipelineForm())
    // new: lead, demo (open); renew (open) belongs to renewal only and sits after demo in the field
    expect(pipelineMoveIndex(f, 'new', 'lead', 1)).toBe(1)
    expect(pipelineMoveIndex(f, 'new', 'demo', 1)).toBeUndefined()
    expect(pipelineMoveIndex(f, 'renewal', 'renew', -1)).toBeUndefined()
    const moved = moveStage(f, 'lead', pipelineMoveIndex(f, 'new', 'lead', 1)!)
    expect(ids(moved, 'new')).toEqual(['demo', 'lead', 'won', 'lost'])
  })

  it('should count the records a narrowed set would leave outside their pipeline, per pipeline and stage', () => {
    const f = setPipelineStage(stageOf(pipelineForm()), 'renewal', 'renew', false)
    // f and g are renewal deals in renew
    expect(strandedRecords(f, pipelineRecords())).toEqual([{ pipeline: 'renewal', stageId: 'renew', count: 2 }])
    expect(strandedRecords(stageOf(pipelineForm()), pipelineRecords())).toEqual([])
  })

  it('should drop a stage removed in the editor from every set when saving', () => {
    const form = pipelineForm()
    const f = removeStage(stageOf(form), 'demo')
    const rows = pipelineRecords().filter(r => r.values.stage !== 'demo')
    const result = saveStagesTransaction(form, f, rows, [], { now: 5 })
    expect(result.ok).toBe(true)
    const saved = result.ok ? stageOf(result.form) : undefined
    expect(saved?.options.pipelines?.sets.find(s => s.pipeline === 'new')?.stages).toEqual(['lead', 'won', 'lost'])
  })

  it('should offer a record\'s cell editor only its pipeline\'s stages', () => {
    const f = stageOf(pipelineForm())
    expect(stageFieldFor(f, { kind: 'renewal' }).options.stages.map(s => s.id)).toEqual(['renew', 'rwon', 'lost'])
    expect(stageFieldFor(f, { kind: null }).options.stages.map(s => s.id)).toEqual(['lead', 'demo', 'won', 'lost'])
    expect(stageFieldFor(f, undefined)).toBe(f)
  })

  it('should name the pipeline a stage widget shows, defaulting to the first, and none for a field that does not split', () => {
    const forms = [pipelineForm()]
    expect(pipelineOptions(forms[0], 'stage').map(o => o.id)).toEqual(['new', 'renewal'])
    expect(pipelineOptions(forms[0], 'delivery')).toEqual([])
    expect(widgetPipeline(widget('funnel', { formId: 'deals', stageField: 'stage', pipeline: 'renewal' }), forms)?.label).toEqual({ 'zh-CN': '续约', 'en': 'Renewal' })
    expect(widgetPipeline(widget('funnel', { formId: 'deals', stageField: 'stage' }), forms)?.id).toBe('new')
    expect(widgetPipeline(widget('bar', { formId: 'deals', stageMetric: { kind: 'timeInStage', stageField: 'stage' }, pipeline: 'renewal' }), forms)?.id).toBe('renewal')
    expect(widgetPipeline(widget('funnel', { formId: 'deals', stageField: 'delivery' }), forms)).toBeUndefined()
    expect(widgetPipeline(widget('kpi', { formId: 'deals', stageField: 'stage' }), forms)).toBeUndefined()
  })

  it('should forget a stage or a pipeline option removed in the designer, and stop splitting with no pipeline left', () => {
    const form = pipelineForm()
    const f = stageOf(form)
    const noDemo = { ...f, options: { ...f.options, stages: f.options.stages.filter(s => s.id !== 'demo') } }
    expect(prunePipelines(noDemo, form.fields).options.pipelines?.sets.map(s => s.stages)).toEqual([['lead', 'won', 'lost'], ['renew', 'rwon', 'lost']])
    const kind = kindOf(form)
    const noRenewal = form.fields.map(x => (x.id === 'kind' ? { ...kind, options: { choices: kind.options.choices.filter(c => c.id !== 'renewal') } } : x))
    const pruned = prunePipelines(f, noRenewal)
    expect(pruned.options.pipelines?.sets.map(s => s.pipeline)).toEqual(['new'])
    expect(checkPipelines(pruned, noRenewal)).toEqual([])
    const noOptions = form.fields.map(x => (x.id === 'kind' ? { ...kind, options: { choices: [] } } : x))
    expect(prunePipelines(f, noOptions).options.pipelines).toBeUndefined()
    // a deleted pipeline field is the designer check's to name
    expect(prunePipelines(f, form.fields.filter(x => x.id !== 'kind'))).toBe(f)
  })
})

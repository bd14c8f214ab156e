import { describe, expect, it } from 'vitest'
import type { FunnelData } from '../../../../src/core/dashboard'
import { computeWidget, drillTarget } from '../../../../src/core/dashboard'
import { compileFilter } from '../../../../src/core/query'
import { validatorFor } from '../../../../src/core/records/validator-cache'
import { checkFormDesign } from '../../../../src/core/schema-evolution'
import type { FieldOf, FormDef } from '../../../../src/core/schema/types'
import { checkPipelines, choiceFilter, formForChoice, pipelineChoices, pipelineFilter, pipelineStageField, recordPipeline } from '../../../../src/core/stages'
import { widget } from '../../../fixtures/dashboard'
import { pipelineCtx, pipelineForm, pipelineRecords } from '../../../fixtures/pipelines'

const stageOf = (form: FormDef) => form.fields.find(f => f.id === 'stage') as FieldOf<'stage'>

function funnel(config: Record<string, unknown>): FunnelData {
  const r = computeWidget(widget('funnel', { formId: 'deals', stageField: 'stage', ...config }), pipelineCtx())
  if (r.status !== 'ok') throw new Error(JSON.stringify(r.problems))
  return r.data as FunnelData
}

/** An independent count: records of the pipeline whose current stage is one of `stages`. */
function count(pipeline: string, stages: string[]): number {
  const of = (kind: unknown) => (kind === 'renewal' ? 'renewal' : 'new')
  return pipelineRecords().filter(r => of(r.values.kind) === pipeline && stages.includes(r.values.stage as string)).length
}

describe('stages/pipelines', () => {
  it('should offer one switcher entry per pipeline and one per other stage field', () => {
    expect(pipelineChoices(pipelineForm()).map(c => [c.key, c.label])).toEqual([
      ['stage:new', { 'zh-CN': '新客户', 'en': 'New' }],
      ['stage:renewal', { 'zh-CN': '续约', 'en': 'Renewal' }],
      ['delivery', { 'zh-CN': '交付', 'en': 'Delivery' }],
    ])
  })

  it('should narrow the stage field to one pipeline\'s stages, the same object each time', () => {
    const f = stageOf(pipelineForm())
    expect(pipelineStageField(f, 'renewal').options.stages.map(s => s.id)).toEqual(['renew', 'rwon', 'lost'])
    expect(pipelineStageField(f, 'renewal')).toBe(pipelineStageField(f, 'renewal'))
    // no pipeline, or one without a set: the default (first) pipeline
    expect(pipelineStageField(f).options.stages.map(s => s.id)).toEqual(['lead', 'demo', 'won', 'lost'])
    expect(pipelineStageField(f, 'new').options.pipelines).toBeUndefined()
  })

  it('should put records without a pipeline value (or an option without a set) in the default pipeline', () => {
    const form = pipelineForm()
    const f = stageOf(form)
    expect(recordPipeline(f, { kind: null })).toBe('new')
    expect(recordPipeline(f, { kind: 'channel' })).toBe('new')
    expect(recordPipeline(f, { kind: 'renewal' })).toBe('renewal')
    const keepNew = compileFilter(pipelineFilter(f, 'new')!, form.fields, { now: 0 })
    const keepRenewal = compileFilter(pipelineFilter(f, 'renewal')!, form.fields, { now: 0 })
    expect(pipelineRecords().filter(keepNew).map(r => r.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'j'])
    expect(pipelineRecords().filter(keepRenewal).map(r => r.id)).toEqual(['f', 'g', 'h', 'i'])
  })

  it('should give a plain stage field of a form with several the records that have a stage in it, and its own lanes', () => {
    const form = pipelineForm()
    const [, renewal, delivery] = pipelineChoices(form)
    expect(choiceFilter(form, delivery)).toEqual({ and: [{ field: 'delivery', op: 'notEmpty' }] })
    const narrowed = formForChoice(form, renewal)
    expect(stageOf(narrowed).options.stages.map(s => s.id)).toEqual(['renew', 'rwon', 'lost'])
    expect(formForChoice(form, delivery)).toBe(form)
  })

  it('should show only each pipeline\'s stages in a funnel widget, with counts equal to a plain count', () => {
    const renewal = funnel({ pipeline: 'renewal', mode: 'snapshot' })
    expect(renewal.layers.map(l => l.stageId)).toEqual(['renew', 'rwon'])
    expect(renewal.layers.map(l => l.count)).toEqual([count('renewal', ['renew']), count('renewal', ['rwon'])])
    expect(renewal.population).toBe(4)
    const fresh = funnel({ pipeline: 'new', mode: 'snapshot' })
    expect(fresh.layers.map(l => l.stageId)).toEqual(['lead', 'demo', 'won'])
    expect(fresh.layers.map(l => l.count)).toEqual([count('new', ['lead']), count('new', ['demo']), count('new', ['won'])])
    // cumulative: reached at least (the lost deal i from an unknown stage counts at the first); never a new-customer deal
    expect(funnel({ pipeline: 'renewal' }).layers.map(l => [l.stageId, l.count])).toEqual([['renew', 4], ['rwon', 1]])
    expect(funnel({}).layers.map(l => l.stageId)).toEqual(['lead', 'demo', 'won'])
  })

  it('should refuse a widget whose pipeline option no longer has a set', () => {
    const r = computeWidget(widget('funnel', { formId: 'deals', stageField: 'stage', pipeline: 'gone' }), pipelineCtx())
    expect(r.status === 'needsConfig' && r.problems).toEqual([{ key: 'pipeline', reason: 'invalid', id: 'gone' }])
  })

  it('should drill a pipeline\'s funnel layer to that pipeline\'s records only', () => {
    const w = widget('funnel', { formId: 'deals', stageField: 'stage', pipeline: 'renewal' })
    const t = drillTarget(w, { kind: 'layer', stageId: 'renew' }, pipelineCtx())
    expect(t?.filter).toEqual({ and: [{ field: '_id', op: 'in', value: ['f', 'g', 'h', 'i'] }] })
  })

  it('should refuse a write putting a record in a stage of another pipeline, naming both', () => {
    const v = validatorFor(pipelineForm())
    const issues = v({ title: 'x', kind: 'renewal', stage: 'demo' })
    expect(issues.map(i => i.code)).toEqual(['pipelineStage'])
    expect(issues[0]?.message['zh-CN']).toBe('阶段：阶段「演示」不属于管道「续约」（可选：续约沟通、续约成功、输单）')
    expect(issues[0]?.message.en).toContain('the stage "Demo" is not in the pipeline "Renewal"')
    expect(v({ title: 'x', kind: 'renewal', stage: 'renew' })).toEqual([])
    // moving to another pipeline needs a stage of it, in the same write
    expect(v({ title: 'x', kind: 'new', stage: 'renew' }, { title: 'x', kind: 'renewal', stage: 'renew' }).map(i => i.code)).toEqual(['pipelineStage'])
    expect(v({ title: 'x', kind: 'new', stage: 'lead' }, { title: 'x', kind: 'renewal', stage: 'renew' })).toEqual([])
    // no pipeline value: the default pipeline's stages
    expect(v({ title: 'x', stage: 'rwon' }).map(i => i.code)).toEqual(['pipelineStage'])
  })

  it('should flag pipelines without a won stage, on a missing field or a deleted option, in the designer check', () => {
    const form = pipelineForm()
    const f = stageOf(form)
    const bad: FieldOf<'stage'> = { ...f, options: { ...f.options, pipelines: { field: 'kind', sets: [{ pipeline: 'new', stages: ['lead'] }, { pipeline: 'gone', stages: ['renew', 'rwon'] }] } } }
    expect(checkPipelines(bad, form.fields).map(p => [p.code, p.pipeline])).toEqual([['noWonStage', 'new'], ['unknownPipeline', 'gone']])
    expect(checkPipelines({ ...f, options: { ...f.options, pipelines: { field: 'amount', sets: [] } } }, form.fields).map(p => p.code)).toEqual(['pipelineField'])
    const issues = checkFormDesign({ ...form, fields: form.fields.map(x => (x.id === 'stage' ? bad : x)) }, { forms: [] })
    expect(issues.map(i => i.message['zh-CN'])).toEqual(['字段「阶段」：管道「新客户」至少需要一个赢单阶段', '字段「阶段」：管道「gone」已不是「类型」的选项'])
    expect(checkFormDesign(form, { forms: [] })).toEqual([])
  })
})

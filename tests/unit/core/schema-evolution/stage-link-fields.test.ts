import type { FieldOf, FormDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { followForecastOnCreate } from '../../../../src/core/records/forecast-follow'
import { checkFormDesign, linkStageField, planFormSave } from '../../../../src/core/schema-evolution'
import { linkCandidates, linkedFieldId, withStageLink } from '../../../../src/core/stages'
import { funnelForm, funnelStageField, opp } from '../../../fixtures/funnel'

const stageOf = (form: FormDef) => form.fields.find((f): f is FieldOf<'stage'> => f.id === 'stage')!
const ids = (form: FormDef) => form.fields.map(f => f.id)

describe('stage links', () => {
  it('should offer only the fields a link accepts', () => {
    const form = funnelForm()
    const stage = stageOf(form)
    expect(linkCandidates(form.fields, stage, 'lossReason').map(f => f.id)).toEqual(['name', 'needsText', 'reason'])
    expect(linkCandidates(form.fields, stage, 'probability').map(f => f.id)).toEqual(['prob'])
    // A select without the five category options cannot hold a forecast category.
    expect(linkCandidates(form.fields, stage, 'forecastCategory')).toEqual([])
    expect(linkCandidates(form.fields, stage, 'snoozeUntil')).toEqual([])
  })

  it('should unlink the snooze reason with the snooze date, and refuse a reason without a date', () => {
    const stage = withStageLink(withStageLink(funnelStageField(), 'snoozeUntil', 'd'), 'snoozeReason', 'needsText')
    expect(stage.options.snooze).toEqual({ untilField: 'd', reasonField: 'needsText' })
    expect(withStageLink(stage, 'snoozeUntil', undefined).options.snooze).toBeUndefined()
    expect(() => withStageLink(funnelStageField(), 'snoozeReason', 'needsText')).toThrow(/snooze date/)
  })

  it('should create a forecast category with its manual marks after the stage field, and the form should pass the design check', () => {
    const next = linkStageField(funnelForm(), 'stage', 'forecastCategory', { kind: 'new' })
    const stage = stageOf(next)
    const category = next.fields.find(f => f.id === linkedFieldId(stage, 'forecastCategory'))!
    const manual = next.fields.find(f => f.id === linkedFieldId(stage, 'forecastManual'))!
    expect(category.type).toBe('select')
    expect(manual.type).toBe('multiselect')
    expect(ids(next).slice(0, 4)).toEqual(['name', 'stage', manual.id, category.id])
    expect(checkFormDesign(next, { forms: [] })).toEqual([])
    // The deal now follows its stage: a new one in 需求分析 gets 40 % and the pipeline category.
    const values: Record<string, unknown> = { stage: 'needs' }
    followForecastOnCreate(next, { stage: 'needs' }, values)
    expect(values).toMatchObject({ prob: 40, [category.id]: 'pipeline' })
  })

  it('should link an existing field and unlink it again, leaving the field in the form', () => {
    const form = funnelForm()
    const unlinked = linkStageField(form, 'stage', 'lossReason', { kind: 'none' })
    expect(stageOf(unlinked).options.lossReasonField).toBeUndefined()
    expect(ids(unlinked)).toEqual(ids(form))
    const relinked = linkStageField(unlinked, 'stage', 'lossReason', { kind: 'field', id: 'needsText' })
    expect(stageOf(relinked).options.lossReasonField).toBe('needsText')
    expect(checkFormDesign(relinked, { forms: [] })).toEqual([])
  })

  it('should show a new loss reason only on lost deals and name new fields uniquely', () => {
    const next = linkStageField(funnelForm(), 'stage', 'lossReason', { kind: 'new' })
    const field = next.fields.find(f => f.id === stageOf(next).options.lossReasonField)!
    // The form already has a field called 输单原因.
    expect(field.label).toEqual({ 'zh-CN': '输单原因2', 'en': 'Loss reason 2' })
    expect(field.visibleWhen).toEqual({ and: [{ field: 'stage', op: 'in', value: ['lost'] }] })
    expect(checkFormDesign(next, { forms: [] })).toEqual([])
  })

  it('should create a snooze reason together with its date', () => {
    const next = linkStageField(funnelForm(), 'stage', 'snoozeReason', { kind: 'new' })
    const snooze = stageOf(next).options.snooze!
    expect(next.fields.find(f => f.id === snooze.untilField)?.type).toBe('date')
    expect(next.fields.find(f => f.id === snooze.reasonField)?.type).toBe('text')
    expect(checkFormDesign(next, { forms: [] })).toEqual([])
  })

  it('should, when the forecast starts following on a form with deals, fill what is empty and keep what differs as set by hand', () => {
    const saved = funnelForm()
    const draft = linkStageField(saved, 'stage', 'forecastCategory', { kind: 'new' })
    const stage = stageOf(draft)
    const category = linkedFieldId(stage, 'forecastCategory')!
    const manual = linkedFieldId(stage, 'forecastManual')!
    const records = [
      opp('a', { stage: 'needs', prob: 40 }), // the default: follows
      opp('b', { stage: 'needs', prob: 75 }), // typed by hand before: kept, marked
      opp('c', { stage: 'proposal' }), // empty: takes 60 %
      opp('d', { stage: 'won', prob: 90 }), // won: category closed, 90 % kept as set by hand
      opp('e', {}), // no stage: untouched
    ]
    const plan = planFormSave(saved, draft, records, 1000)
    const put = new Map(plan.tx.records![saved.id]!.put!.map(r => [r.id, r.values]))
    expect(plan.report.forecastStarted).toBe(4)
    expect(put.get('a')).toMatchObject({ prob: 40, [category]: 'pipeline' })
    expect(put.get('a')![manual]).toBeUndefined()
    expect(put.get('b')).toMatchObject({ prob: 75, [category]: 'pipeline', [manual]: ['probability'] })
    expect(put.get('c')).toMatchObject({ prob: 60, [category]: 'pipeline' })
    expect(put.get('d')).toMatchObject({ prob: 90, [category]: 'closed', [manual]: ['probability'] })
    expect(put.has('e')).toBe(false)
    // Saving again changes nothing more.
    const again = planFormSave(plan.form, plan.form, [...put].map(([id, values]) => ({ ...opp(id, {}), values })), 2000)
    expect(again.report.forecastStarted).toBeUndefined()
    expect(again.tx.records).toBeUndefined()
  })
})

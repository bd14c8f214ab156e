import { describe, expect, it } from 'vitest'
import type { ForecastData } from '../../../../src/core/dashboard'
import { computeWidget } from '../../../../src/core/dashboard'
import type { FieldDef, FormDef } from '../../../../src/core/schema/types'
import { dashCtx, oppForm, oppRecords, widget } from '../../../fixtures/dashboard'

const CONFIG = { formId: 'opps', stageField: 'stage', amountField: 'amount', dateField: 'signed', targets: { formId: 'targets', amountField: 'goal', monthField: 'month' } }

function forecast(config: object = CONFIG, ctx = dashCtx()): ForecastData {
  const r = computeWidget(widget('forecast', config), ctx)
  if (r.status !== 'ok' || r.data.type !== 'forecast') throw new Error(JSON.stringify(r))
  return r.data
}

const amounts = (d: ForecastData) => d.months.map(m => [m.key, m.amounts.closed, m.amounts.commit, m.amounts.bestCase, m.amounts.pipeline, m.target])

/** The fixture form with forecast settings: s1 defaults to best case; a category field. */
function withCategories(): FormDef {
  const form = oppForm()
  const cat: FieldDef = { id: 'cat', type: 'select', label: '预测分类', options: { choices: ['pipeline', 'bestCase', 'commit', 'closed', 'omitted'].map(id => ({ id, label: id })) } }
  const fields = form.fields.map(f => f.type === 'stage'
    ? { ...f, options: { ...f.options, forecast: { manualField: 'manual', categoryField: 'cat' }, stages: f.options.stages.map(s => s.id === 's1' ? { ...s, forecastCategory: 'bestCase' as const } : s) } }
    : f)
  return { ...form, fields: [...fields, cat] }
}

describe('compute-forecast', () => {
  // won A 100 (06), B 200 (06), E 300 (05); open C s2 50 (06), H s1 20 (05, probability 30);
  // lost D, F, G omitted; I has no stage. Targets: May 300 + 100, June 400 + 100.
  it('should stack each month by category, with the month\'s targets summed', () => {
    const d = forecast()
    expect(amounts(d)).toEqual([['2024-05', 300, 0, 0, 20, 400], ['2024-06', 300, 0, 0, 50, 500]])
    expect(d.stack.map(c => [c.key, c.amount, c.count])).toEqual([['closed', 600, 3], ['commit', 0, 0], ['bestCase', 0, 0], ['pipeline', 70, 2]])
    expect(d).toMatchObject({ omitted: 3, undated: 0, hasTargets: true })
  })

  it('should give the weighted pipeline with each deal\'s own probability: 50 x 50 % + 20 x 30 %', () => {
    expect(forecast().weighted).toEqual({ weighted: 31, amount: 70, count: 2 })
  })

  it('should read a deal\'s category field while open, its stage default without one, and closed for won deals', () => {
    const records = oppRecords().map(r => r.id === 'C' ? { ...r, values: { ...r.values, cat: 'commit' } } : r.id === 'A' ? { ...r, values: { ...r.values, cat: 'commit' } } : r)
    const ctx = dashCtx({ forms: [withCategories(), dashCtx().forms[1]!], records: { ...dashCtx().records, opps: records } })
    expect(amounts(forecast(CONFIG, ctx))).toEqual([['2024-05', 300, 0, 20, 0, 400], ['2024-06', 300, 50, 0, 0, 500]])
  })

  it('should follow the owner filter on deals and targets, and the date filter\'s months', () => {
    expect(amounts(forecast(CONFIG, dashCtx({ filterValues: { owner: ['m1'] } })))).toEqual([['2024-05', 300, 0, 0, 0, 300], ['2024-06', 300, 0, 0, 0, 400]])
    expect(amounts(forecast(CONFIG, dashCtx({ filterValues: { date: { preset: 'custom', from: '2024-06-01', to: '2024-06-30' } } })))).toEqual([['2024-06', 300, 0, 0, 50, 500]])
  })

  it('should count deals without a date and draw no target line without a targets form', () => {
    const records = oppRecords().map(r => r.id === 'C' ? { ...r, values: { ...r.values, signed: null } } : r)
    const d = forecast({ ...CONFIG, targets: undefined }, dashCtx({ records: { ...dashCtx().records, opps: records } }))
    expect(d).toMatchObject({ undated: 1, hasTargets: false })
    expect(d.months.every(m => m.target === null)).toBe(true)
  })

  it('should name a missing date field instead of drawing', () => {
    const r = computeWidget(widget('forecast', { ...CONFIG, dateField: undefined }), dashCtx())
    expect(r).toMatchObject({ status: 'needsConfig', problems: [{ key: 'dateField', reason: 'missing' }] })
  })
})

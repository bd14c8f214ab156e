import { describe, expect, it } from 'vitest'
import type { DashboardDef, WidgetDef } from '../../../../src/core/schema/types'
import { newWidget } from '../../../../src/core/dashboard'
import { validateDocument, WIDGET_TYPES } from '../../../../src/core/validation'
import { dashboard } from '../../../fixtures/documents'
import { oppForm, widget } from '../../../fixtures/dashboard'

const withWidgets = (widgets: WidgetDef[]): DashboardDef => dashboard({ widgets, filters: [] })

describe('dashboard.schema.json widget configs', () => {
  it.each([...WIDGET_TYPES])('should accept a new %s widget as the palette makes it', (type) => {
    const r = validateDocument('dashboard', withWidgets([newWidget(type, [], [oppForm()])]))
    expect(r.ok ? [] : r.issues.map(i => `${i.path} ${i.message.en}`)).toEqual([])
  })

  it('should report a bad config only against its own type, at the offending key', () => {
    const r = validateDocument('dashboard', withWidgets([widget('funnel', { formId: 'opps', mode: 'sideways' })]))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map(i => i.path)).toEqual(['/widgets/0/config/mode'])
  })

  it('should refuse an unknown config key and a sum without a field', () => {
    const r = validateDocument('dashboard', withWidgets([widget('kpi', { formId: 'opps', colour: 'red' }), widget('bar', { measure: { fn: 'sum' } }, 'w2')]))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map(i => i.path).sort()).toEqual(['/widgets/0/config/colour', '/widgets/1/config/measure/field'])
  })

  it('should accept a stage-metric chart and refuse a pipeline one without its amount field', () => {
    const good = validateDocument('dashboard', withWidgets([widget('pie', { formId: 'opps', stageMetric: { kind: 'lossReasons', stageField: 'stage' } })]))
    expect(good.ok).toBe(true)
    const bad = validateDocument('dashboard', withWidgets([widget('column', { formId: 'opps', stageMetric: { kind: 'pipelineByStage', stageField: 'stage' } })]))
    expect(bad.ok).toBe(false)
  })
})

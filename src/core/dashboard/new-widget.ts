/** A new widget of a type, pre-filled from the app's forms so it draws at once when it can. */
import type { FormDef, WidgetBase, WidgetDef } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import { behaviourOf } from '../fields'
import { isGroupField } from './field-groups'
import type { WidgetType } from './config-types'
import { newId } from '../utils/id'
import { nextLayout } from './dashboard-ops'

const SIZE: Record<WidgetType, [number, number]> = {
  funnel: [6, 8], conversion: [6, 8], kpi: [3, 4], bar: [6, 7], column: [6, 7], line: [6, 7], area: [6, 7],
  pie: [4, 7], donut: [4, 7], table: [12, 8], pivot: [6, 8], targetProgress: [6, 7], reverseFunnel: [6, 8], waterfall: [6, 8], breakdown: [12, 8], forecast: [12, 9],
  text: [6, 3], heading: [12, 2],
}

/**
 * A widget of `type` around `base`, its config pre-filled for the first form with the fields it
 * needs (or the first form); keys with nothing to fill are left out.
 */
export function withDefaultConfig(base: WidgetBase, type: WidgetType, forms: readonly FormDef[]): WidgetDef {
  const staged = forms.find(f => f.fields.some(x => x.type === 'stage'))
  const form = staged ?? forms[0]
  const stage = form?.fields.find(x => x.type === 'stage')?.id
  const amount = form?.fields.find(x => behaviourOf(x).measure === 'amount')?.id
  const dim = form?.fields.find(x => behaviourOf(x).filterKind !== null)
  const src = form ? { formId: form.id } : {}
  const stageField = stage === undefined ? {} : { stageField: stage }
  const amountField = amount === undefined ? {} : { amountField: amount }
  switch (type) {
    case 'funnel': return { ...base, type, config: { ...src, ...stageField, mode: 'cumulative', value: 'count' } }
    case 'conversion': return { ...base, type, config: { ...src, ...stageField } }
    case 'kpi': return { ...base, type, config: { ...src, metric: 'measure', measure: { fn: 'count' } } }
    case 'bar': case 'column': case 'line': case 'area': case 'pie': case 'donut': {
      const dimension = dim ? { dimension: { field: dim.id, ...(behaviourOf(dim).filterKind === 'dateRange' ? { bucket: 'month' as const } : {}) } } : {}
      return { ...base, type, config: { ...src, ...dimension, measure: { fn: 'count' } } }
    }
    case 'table': return { ...base, type, config: { ...src, limit: 20 } }
    case 'pivot': return { ...base, type, config: { ...src, ...(dim ? { rows: { field: dim.id } } : {}), measure: { fn: 'count' } } }
    case 'targetProgress': return { ...base, type, config: { ...src, by: 'owner', measure: amount ? { fn: 'sum', field: amount } : { fn: 'count' } } }
    case 'reverseFunnel': return { ...base, type, config: { ...src, ...stageField, ...amountField, goal: 1_000_000 } }
    case 'waterfall': return { ...base, type, config: { ...src, ...stageField, ...amountField, value: 'count' } }
    case 'breakdown': {
      // owner first, as a sales manager asks "which rep converts worst?"
      const groups = form?.fields.filter(isGroupField) ?? []
      const group = groups.find(x => x.type === 'member') ?? groups[0]
      return { ...base, type, config: { ...src, ...stageField, ...(group ? { groupField: group.id } : {}), rankBy: 'conversion' } }
    }
    case 'forecast': {
      const dates = form?.fields.filter(x => behaviourOf(x).filterKind === 'dateRange' && x.type === 'date') ?? []
      const date = dates[0]?.id
      // a targets form: a month field and an amount (the sales-funnel template's 销售目标)
      const tForm = forms.find(f => f !== form && f.fields.some(x => x.type === 'date' && x.options?.granularity === 'month'))
      const tMonth = tForm?.fields.find(x => x.type === 'date' && x.options?.granularity === 'month')
      const tAmount = tForm?.fields.find(x => behaviourOf(x).measure === 'amount')
      const targets = tForm && tMonth && tAmount ? { targets: { formId: tForm.id, amountField: tAmount.id, monthField: tMonth.id } } : {}
      return { ...base, type, config: { ...src, ...stageField, ...amountField, ...(date ? { dateField: date } : {}), ...(dates[1] ? { closedDateField: dates[1].id } : {}), ...targets } }
    }
    case 'text': return { ...base, type, config: { text: { 'zh-CN': '在这里写说明文字', 'en': 'Write a note here' } } }
    case 'heading': return { ...base, type, config: { text: { 'zh-CN': '标题', 'en': 'Heading' } } }
    default: return assertNever(type, 'widget type')
  }
}

/** A new widget of `type` placed after the existing ones. */
export function newWidget(type: WidgetType, existing: readonly WidgetDef[], forms: readonly FormDef[]): WidgetDef {
  const [w, h] = SIZE[type]
  return withDefaultConfig({ id: newId(), layout: nextLayout(existing, w, h) }, type, forms)
}

/** A new widget of a type, pre-filled from the app's forms so it draws at once when it can. */
import type { FormDef, WidgetDef } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import type { WidgetType } from './config-types'
import { newId } from '../utils/id'
import { nextLayout } from './dashboard-ops'

const SIZE: Record<WidgetType, [number, number]> = {
  funnel: [6, 8], conversion: [6, 8], kpi: [3, 4], bar: [6, 7], column: [6, 7], line: [6, 7], area: [6, 7],
  pie: [4, 7], donut: [4, 7], table: [12, 8], pivot: [6, 8], targetProgress: [6, 7], reverseFunnel: [6, 8],
  text: [6, 3], heading: [12, 2],
}

const NUMBER_TYPES = new Set(['money', 'number'])
const GROUP_TYPES = new Set(['select', 'stage', 'member', 'date', 'createdAt'])

/** Default config of a widget type for the first form with the fields it needs (or the first form). */
export function defaultConfig(type: WidgetType, forms: readonly FormDef[]): Record<string, unknown> {
  const staged = forms.find(f => f.fields.some(x => x.type === 'stage'))
  const form = staged ?? forms[0]
  const stage = form?.fields.find(x => x.type === 'stage')?.id
  const amount = form?.fields.find(x => NUMBER_TYPES.has(x.type))?.id
  const dim = form?.fields.find(x => GROUP_TYPES.has(x.type))
  const base = form ? { formId: form.id } : {}
  switch (type) {
    case 'funnel': return { ...base, stageField: stage, mode: 'cumulative', value: 'count' }
    case 'conversion': return { ...base, stageField: stage }
    case 'kpi': return { ...base, metric: 'measure', measure: { fn: 'count' } }
    case 'bar': case 'column': case 'line': case 'area': case 'pie': case 'donut':
      return { ...base, dimension: dim ? { field: dim.id, ...(dim.type === 'date' || dim.type === 'createdAt' ? { bucket: 'month' } : {}) } : undefined, measure: { fn: 'count' } }
    case 'table': return { ...base, limit: 20 }
    case 'pivot': return { ...base, rows: dim ? { field: dim.id } : undefined, measure: { fn: 'count' } }
    case 'targetProgress': return { ...base, by: 'owner', measure: amount ? { fn: 'sum', field: amount } : { fn: 'count' } }
    case 'reverseFunnel': return { ...base, stageField: stage, amountField: amount, goal: 1_000_000 }
    case 'text': return { text: { 'zh-CN': '在这里写说明文字', 'en': 'Write a note here' } }
    case 'heading': return { text: { 'zh-CN': '标题', 'en': 'Heading' } }
    default: return assertNever(type, 'widget type')
  }
}

/** A new widget of `type` placed after the existing ones; undefined config keys are dropped. */
export function newWidget(type: WidgetType, existing: readonly WidgetDef[], forms: readonly FormDef[]): WidgetDef {
  const [w, h] = SIZE[type]
  const config = JSON.parse(JSON.stringify(defaultConfig(type, forms))) as Record<string, unknown>
  return { id: newId(), type, layout: nextLayout(existing, w, h), config }
}

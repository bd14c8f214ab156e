/**
 * Drill-through: the records behind a funnel layer, a bar or a pie slice, as a filter of the
 * shared filter language that the form grid can apply (?filter=). A field condition is used
 * when it selects exactly those records; otherwise `{ field: '_id', op: 'in', value: ids }`.
 */
import type { Condition, Filter, FilterNode } from '../schema/filter'
import type { FormDef, RecordRow, WidgetDef } from '../schema/types'
import { funnelDepths, inWaterfallBar, KIND_WON, OUTCOME_NONE, WATERFALL_BARS } from '../metrics'
import { bucketDate, compileFilter, nextBucketStart } from '../query'
import type { DimensionConfig, FunnelBasis } from './config-types'
import type { DashboardContext } from './context'
import { chartConfigOf, sourceFormId } from './config-types'
import { combinedFilter, dashboardConditions, filteredRecords } from './dashboard-filters'
import { dayToText } from './date-range'
import { fieldValue } from './cell-text'
import { groupBy } from './grouping'
import { stageInput } from './stage-input'
import { pipelineFilter, pipelineStageField } from '../stages/pipelines'
import { widgetWaterfall } from './compute-waterfall'

/** What was clicked: a funnel layer (stage id) or a chart category (group key; null = empty). */
export type DrillPoint
  = | { kind: 'layer', stageId: string }
    | { kind: 'category', key: string | null, seriesKey?: string | null }

/** Where a drill goes: the form's grid with this filter; `count` records match. */
export interface DrillTarget {
  formId: string
  filter: Filter
  count: number
  /** The filter lists record ids (no field condition selects them): link with a drill link, not the filter. */
  byIds: boolean
}

/** The drill target of a click on a widget, or undefined when that part has no records behind it. */
export function drillTarget(w: WidgetDef, point: DrillPoint, ctx: DashboardContext): DrillTarget | undefined {
  const formId = sourceFormId(w)
  const form = ctx.forms.find(f => f.id === formId)
  if (!form) return undefined
  if (w.type === 'funnel' && point.kind === 'layer') {
    const ids = funnelLayerIds(form, w.config.stageField, w.config.mode ?? 'cumulative', w.config.filter, point.stageId, ctx, w.config.basis, w.config.pipeline)
    return ids && ids.length > 0 ? idTarget(form.id, ids) : undefined
  }
  if (w.type === 'waterfall' && point.kind === 'category') {
    const got = widgetWaterfall(w, ctx)
    const key = WATERFALL_BARS.find(k => k === point.key)
    if ('problems' in got || key === undefined) return undefined
    const ids = got.input.records.filter((_, i) => inWaterfallBar(got.waterfall, i, key)).map(r => r.id)
    return ids.length > 0 ? idTarget(form.id, ids) : undefined
  }
  const c = chartConfigOf(w)
  if (!c || point.kind !== 'category') return undefined
  const base = dashboardConditions(form.id, ctx)
  const m = c.stageMetric
  if (m?.kind === 'lossReasons') {
    const stage = form.fields.find(f => f.id === m.stageField)
    if (stage?.type !== 'stage' || !stage.options.lossReasonField) return undefined
    const lost = pipelineStageField(stage, c.pipeline).options.stages.filter(s => s.kind === 'lost').map(s => s.id)
    const pipeline = pipelineFilter(stage, c.pipeline)
    const cond: Condition = point.key === null ? { field: stage.options.lossReasonField, op: 'empty' } : { field: stage.options.lossReasonField, op: 'in', value: [point.key] }
    return filterTarget(form, combinedFilter(c.filter, [...base, ...(pipeline ? [pipeline] : []), { field: stage.id, op: 'in', value: lost }, cond])!, ctx)
  }
  if (m && m.kind !== 'winRateBy') return undefined
  if (!c.dimension) return undefined
  const records = filteredRecords(form, c.filter, ctx)
  let group = groupBy(records, c.dimension, form, ctx).find(g => g.key === point.key)
  if (!group || group.records.length === 0) return undefined
  const conds: FilterNode[] = [...base, categoryCondition(c.dimension, point.key, group.records, form)]
  if (c.series && point.seriesKey !== undefined && !m) {
    group = groupBy(group.records, c.series, form, ctx).find(g => g.key === point.seriesKey)
    if (!group || group.records.length === 0) return undefined
    conds.push(categoryCondition(c.series, point.seriesKey, group.records, form))
  }
  const filter = combinedFilter(c.filter, conds)!
  return exactOrIds(form, filter, group.records, ctx)
}

function idTarget(formId: string, ids: string[]): DrillTarget {
  return { formId, filter: { and: [{ field: '_id', op: 'in', value: ids }] }, count: ids.length, byIds: true }
}

function filterTarget(form: FormDef, filter: Filter, ctx: DashboardContext): DrillTarget {
  const keep = compileFilter(filter, form.fields, { now: ctx.now, currentMemberId: ctx.currentMemberId })
  return { formId: form.id, filter, count: (ctx.records[form.id] ?? []).filter(keep).length, byIds: false }
}

/** The field filter when it selects exactly `expected`, else the records' ids. */
function exactOrIds(form: FormDef, filter: Filter, expected: readonly RecordRow[], ctx: DashboardContext): DrillTarget {
  const t = filterTarget(form, filter, ctx)
  const want = new Set(expected)
  const keep = compileFilter(filter, form.fields, { now: ctx.now, currentMemberId: ctx.currentMemberId })
  const same = t.count === want.size && (ctx.records[form.id] ?? []).every(r => keep(r) === want.has(r))
  return same ? t : idTarget(form.id, expected.map(r => r.id))
}

/** The condition selecting one group of a dimension. */
function categoryCondition(dim: DimensionConfig, key: string | null, records: readonly RecordRow[], form: FormDef): Condition {
  if (key === null) return { field: dim.field, op: 'empty' }
  const field = form.fields.find(f => f.id === dim.field)
  const first = records[0]
  if (first && (field?.type === 'date' || field?.type === 'createdAt' || field?.type === 'updatedAt')) {
    const b = bucketDate(fieldValue(first, field), dim.bucket ?? 'month')
    if (b) return { field: dim.field, op: 'between', value: [dayToText(b.startDay), dayToText(nextBucketStart(b.startDay, dim.bucket ?? 'month') - 1)] }
  }
  return { field: dim.field, op: 'in', value: [key] }
}

/** Ids of the records counted in one funnel layer (same population, basis and depth rule as core's funnel). */
export function funnelLayerIds(form: FormDef, stageFieldId: string | undefined, mode: 'cumulative' | 'strict' | 'snapshot', filter: Filter | undefined, stageId: string, ctx: DashboardContext, basis: FunnelBasis = 'cohort', pipeline?: string): string[] | undefined {
  const field = form.fields.find(f => f.id === stageFieldId)
  if (field?.type !== 'stage') return undefined
  const input = stageInput(form, field, { filter, pipeline }, ctx, undefined, {}, mode === 'snapshot' ? 'cohort' : basis)
  const s = input.summary
  const code = s.model.codeOf.get(stageId)
  if (code === undefined) return undefined
  const ids: string[] = []
  if (mode === 'snapshot') {
    input.records.forEach((r, i) => {
      if (s.outcome[i] !== OUTCOME_NONE && input.population[i] === 1 && s.current[i] === code) ids.push(r.id)
    })
    return ids
  }
  const k = s.model.kind[code] === KIND_WON ? s.model.openCount + 1 : (s.model.ordinal[code] as number) + 1
  const { mask, depth } = funnelDepths(input, mode === 'strict' ? 'strict' : 'anyOrder')
  input.records.forEach((r, i) => {
    if (mask[i] === 1 && (depth[i] as number) >= k) ids.push(r.id)
  })
  return ids
}

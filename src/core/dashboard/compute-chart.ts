import type { Measure } from '../query'
import type { FormDef, RecordRow } from '../schema/types'
import type { ChartConfig, ChartType, DimensionConfig } from './config-types'
import type { DashboardContext } from './context'
import type { ChartCategory, ChartSeries, WidgetResult } from './result-types'
import { filteredRecords } from './dashboard-filters'
import { groupBy, measureOf } from './grouping'
import { measureStyle, resolveMeasure } from './measure'
import { Resolver } from './resolve'
import { computeStageChart } from './compute-stage-chart'
import { sortAndCut } from './sort-cut'

/** A widget of a chart type, with its config. */
export interface ChartWidget { type: ChartType, config: ChartConfig }

const PIE: readonly ChartType[] = ['pie', 'donut']

/**
 * Bar / column / line / area / pie / donut: records grouped by a dimension (date buckets
 * for dates), one measure, optionally split into series by a second dimension; sorted and
 * cut to the top N. With `stageMetric`, a funnel figure per stage instead.
 */
export function computeChart(w: ChartWidget, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  if (c.stageMetric) return computeStageChart(w.type, c, c.stageMetric, r, form, ctx)
  const dim = r.column(form, c.dimension?.field, 'dimension.field')
  const series = c.series && !PIE.includes(w.type) ? r.column(form, c.series.field, 'series.field') : undefined
  const measure = resolveMeasure(r, form, c.measure)
  if (!r.ok || !form || !dim || !measure || !c.dimension) return { status: 'needsConfig', problems: r.problems }
  const records = filteredRecords(form, c.filter, ctx)
  const groups = groupBy(records, c.dimension, form, ctx)
  let categories: ChartCategory[] = groups.map(g => ({ key: g.key, label: g.label }))
  let seriesList: ChartSeries[]
  if (series && c.series) {
    seriesList = splitSeries(groups.map(g => g.records), records, c.series, form, ctx, measure)
  }
  else {
    seriesList = [{ key: null, label: '', values: groups.map(g => measureOf(g.records, measure, form)) }]
  }
  ;({ categories, series: seriesList } = sortAndCut(categories, seriesList, c))
  return { status: 'ok', data: { type: w.type, categories, series: seriesList, ...measureStyle(measure, form.fields), stack: c.stack === true && seriesList.length > 1, drillable: true } }
}

function splitSeries(byCategory: RecordRow[][], all: RecordRow[], dim: DimensionConfig, form: FormDef, ctx: DashboardContext, measure: Measure): ChartSeries[] {
  const keys = groupBy(all, dim, form, ctx)
  return keys.map((k) => {
    const values = byCategory.map((rs) => {
      const sub = groupBy(rs, dim, form, ctx).find(g => g.key === k.key)
      return sub && sub.records.length > 0 ? measureOf(sub.records, measure, form) : measure.fn === 'count' || measure.fn === 'sum' ? 0 : null
    })
    return { key: k.key, label: k.label, values }
  })
}

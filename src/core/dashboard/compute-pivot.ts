import type { Label } from '../schema/types'
import type { DashboardContext } from './context'
import type { WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { filteredRecords } from './dashboard-filters'
import { groupBy, measureOf } from './grouping'
import { measureStyle, resolveMeasure } from './measure'
import { Resolver } from './resolve'

/** Pivot widget: rows x columns x measure, with row, column and grand totals. */
export function computePivot(w: WidgetOf<'pivot'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const rowField = r.column(form, c.rows?.field, 'rows.field')
  const colField = r.column(form, c.columns?.field, 'columns.field')
  const measure = resolveMeasure(r, form, c.measure)
  if (!r.ok || !form || !measure || !rowField || !colField || !c.rows || !c.columns) return { status: 'needsConfig', problems: r.problems }
  const records = filteredRecords(form, c.filter, ctx)
  const rowGroups = groupBy(records, c.rows, form, ctx)
  const colGroups = groupBy(records, c.columns, form, ctx)
  const cells = rowGroups.map((rg) => {
    const inRow = new Set(rg.records)
    return colGroups.map((cg) => {
      const both = cg.records.filter(x => inRow.has(x))
      return both.length === 0 && measure.fn !== 'count' && measure.fn !== 'sum' ? null : measureOf(both, measure, form)
    })
  })
  const labelOf = (id: string): Label => form.fields.find(f => f.id === id)?.label ?? id
  return {
    status: 'ok',
    data: {
      type: 'pivot',
      rowLabel: labelOf(rowField),
      columnLabel: labelOf(colField),
      rows: rowGroups.map(g => ({ key: g.key, label: g.label })),
      columns: colGroups.map(g => ({ key: g.key, label: g.label })),
      cells,
      rowTotals: rowGroups.map(g => measureOf(g.records, measure, form)),
      columnTotals: colGroups.map(g => measureOf(g.records, measure, form)),
      total: measureOf(records, measure, form),
      ...measureStyle(measure, form.fields),
    },
  }
}

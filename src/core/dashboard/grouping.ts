/** Grouping records for charts and pivots (core/query groupRecords), with member names. */
import type { Measure, RecordGroup } from '../query'
import { aggregate, groupRecords } from '../query'
import type { FormDef, RecordRow } from '../schema/types'
import type { DimensionConfig } from './config-types'
import type { DashboardContext } from './context'

/** Groups `records` by a dimension: option order for selects, buckets for dates, names for members. */
export function groupBy(records: readonly RecordRow[], dim: DimensionConfig, form: FormDef, ctx: DashboardContext, measures: readonly Measure[] = []): RecordGroup[] {
  const members = new Map(ctx.members.map(m => [m.id, m.name]))
  const field = form.fields.find(f => f.id === dim.field)
  const dated = field?.type === 'date' || field?.type === 'createdAt' || field?.type === 'updatedAt' || dim.field === '_createdAt' || dim.field === '_updatedAt'
  return groupRecords(records, { field: dim.field, unit: dim.bucket ?? 'month' }, form.fields, measures, { members, fillDateGaps: dated })
}

/** The measure over a group's records. */
export function measureOf(records: readonly RecordRow[], measure: Measure, form: FormDef): number | null {
  return aggregate(records, measure, form.fields)
}

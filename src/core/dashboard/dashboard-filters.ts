/** Dashboard-wide filters turned into conditions of the shared filter language, per form. */
import type { Condition, Filter, FilterNode } from '../schema/filter'
import type { DashboardFilterDef, FormDef, RecordRow } from '../schema/types'
import { compileFilter, filterMask } from '../query'
import type { RecordColumns } from '../metrics'
import { recordColumns } from '../metrics'
import { assertNever } from '../utils/assert-never'
import type { DashboardContext, DashboardFilterValue, DateRangeValue } from './context'
import type { DaySpan } from './date-range'
import { daySpanOf } from './date-range'

/** A filter's value: the one chosen, else its default, else off. */
export function filterValueOf(filter: DashboardFilterDef, ctx: Pick<DashboardContext, 'filterValues'>): DashboardFilterValue | undefined {
  const v = ctx.filterValues[filter.id]
  if (v !== undefined) return v
  return isFilterValue(filter, filter.default) ? filter.default : undefined
}

/** True when `v` has the value shape of the filter's kind. */
export function isFilterValue(filter: DashboardFilterDef, v: unknown): v is DashboardFilterValue {
  if (filter.kind === 'dateRange') return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { preset?: unknown }).preset === 'string'
  return Array.isArray(v) && v.every(x => typeof x === 'string')
}

/** The condition one filter puts on `field`, or undefined when the filter is off. */
export function filterCondition(filter: DashboardFilterDef, value: DashboardFilterValue | undefined, field: string, now: number, span?: DaySpan): Condition | undefined {
  if (value === undefined) return undefined
  switch (filter.kind) {
    case 'dateRange': {
      const s = span ?? (Array.isArray(value) ? undefined : daySpanOf(value as DateRangeValue, now))
      return s ? { field, op: 'between', value: [s.from, s.to] } : undefined
    }
    case 'member': case 'select':
      return Array.isArray(value) && value.length > 0 ? { field, op: 'in', value: [...value] } : undefined
    default: return assertNever(filter.kind, 'dashboard filter kind')
  }
}

/** Options of {@link dashboardConditions}. */
export interface ConditionOptions {
  /** Leave this filter out (cascading options of that filter). */
  except?: string
  /** Leave date filters out. */
  skipDates?: boolean
  /** Use this span for every date filter instead of its value (previous-period comparisons). */
  dateSpan?: DaySpan
}

/** The conditions every active dashboard filter targeting `formId` puts on that form's records. */
export function dashboardConditions(formId: string, ctx: DashboardContext, opts: ConditionOptions = {}): Condition[] {
  const out: Condition[] = []
  for (const f of ctx.filters) {
    if (f.id === opts.except || (opts.skipDates && f.kind === 'dateRange')) continue
    const target = f.targets.find(t => t.formId === formId)
    if (!target) continue
    const value = filterValueOf(f, ctx)
    const span = f.kind === 'dateRange' && opts.dateSpan && value !== undefined && daySpanOf(value as DateRangeValue, ctx.now) ? opts.dateSpan : undefined
    const c = filterCondition(f, value, target.field, ctx.now, span)
    if (c) out.push(c)
  }
  return out
}

/** The widget filter and the dashboard conditions joined with `and` (undefined when neither). */
export function combinedFilter(widgetFilter: Filter | undefined, conditions: readonly FilterNode[]): Filter | undefined {
  const parts: FilterNode[] = []
  if (widgetFilter) parts.push(widgetFilter)
  parts.push(...conditions)
  if (parts.length === 0) return undefined
  return { and: parts }
}

/**
 * 1 where `filter` keeps the record of `records` (the form's), all 1 without one: decided once
 * per distinct stored string value through the records' columns (query filterMask; `columns`:
 * the records' snapshot when the caller holds it).
 */
export function filterPopulation(records: readonly RecordRow[], filter: Filter | undefined, form: FormDef, ctx: DashboardContext, columns?: RecordColumns): Uint8Array {
  if (!filter) return new Uint8Array(records.length).fill(1)
  const rc = columns ?? recordColumns(records)
  return filterMask(records, filter, form.fields, { now: ctx.now, currentMemberId: ctx.currentMemberId }, id => rc.codes(id))
}

/** The records of `form` kept by the widget filter and the dashboard filters. */
export function filteredRecords(form: FormDef, widgetFilter: Filter | undefined, ctx: DashboardContext, opts: ConditionOptions = {}): RecordRow[] {
  const all = ctx.records[form.id] ?? []
  const filter = combinedFilter(widgetFilter, dashboardConditions(form.id, ctx, opts))
  if (!filter) return [...all]
  const keep = filterPopulation(all, filter, form, ctx)
  return all.filter((_, i) => keep[i] === 1)
}

/** A record predicate for the widget filter plus dashboard filters (for metric `where`). */
export function recordPredicate(form: FormDef, widgetFilter: Filter | undefined, ctx: DashboardContext, opts: ConditionOptions = {}): ((r: RecordRow) => boolean) | undefined {
  const filter = combinedFilter(widgetFilter, dashboardConditions(form.id, ctx, opts))
  return filter ? compileFilter(filter, form.fields, { now: ctx.now, currentMemberId: ctx.currentMemberId }) : undefined
}

/** The date span of the dashboard's active date filter on `formId`, if any. */
export function activeDateSpan(formId: string, ctx: DashboardContext): DaySpan | undefined {
  for (const f of ctx.filters) {
    if (f.kind !== 'dateRange' || !f.targets.some(t => t.formId === formId)) continue
    const v = filterValueOf(f, ctx)
    const span = v === undefined || Array.isArray(v) ? undefined : daySpanOf(v, ctx.now)
    if (span) return span
  }
  return undefined
}

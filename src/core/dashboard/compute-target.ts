import { ratio, recordColumns } from '../metrics'
import { aggregate, bucketDate } from '../query'
import type { Label, RecordRow } from '../schema/types'
import type { DashboardContext } from './context'
import type { TargetItem, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { fieldValue } from './cell-text'
import { combinedFilter, dashboardConditions, filteredRecords, filterPopulation } from './dashboard-filters'
import { fieldReader } from './field-reader'
import { measureStyle, resolveMeasure } from './measure'
import { NUMERIC_TYPES, typesWhere } from '../fields'
import { Resolver } from './resolve'

const DATE_TYPES = typesWhere(b => b.filterKind === 'dateRange')
const MEMBER_TYPES = typesWhere(b => b.filterKind === 'member')

function keysOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String)
  return v === undefined || v === null || v === '' ? [] : [String(v)]
}

/**
 * Target vs actual, per owner or per month. Targets: the targets form's records passing the
 * dashboard filters. Actuals: the widget's records (widget filter and the dashboard's
 * non-date filters) whose date falls in a month that has a shown target, so the dashboard's
 * date filter, applied to the targets' month, picks the months compared.
 */
export function computeTargetProgress(w: WidgetOf<'targetProgress'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const by = c.by ?? 'owner'
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const measure = resolveMeasure(r, form, c.measure)
  const dateField = r.field(form, c.dateField, 'dateField', DATE_TYPES)
  const ownerField = by === 'owner' ? r.field(form, c.ownerField, 'ownerField', MEMBER_TYPES) : undefined
  const tForm = r.form(c.targets?.formId, 'targets.formId')
  const tAmount = r.field(tForm, c.targets?.amountField, 'targets.amountField', NUMERIC_TYPES)
  const tMonth = r.field(tForm, c.targets?.monthField, 'targets.monthField', DATE_TYPES)
  const tOwner = by === 'owner' ? r.field(tForm, c.targets?.ownerField, 'targets.ownerField', MEMBER_TYPES) : undefined
  if (!r.ok || !form || !measure || !dateField || !tForm || !tAmount || !tMonth) return { status: 'needsConfig', problems: r.problems }

  // date values repeat (one per day): bucket each distinct 'YYYY-MM-DD' text once
  const months = new Map<unknown, string | undefined>()
  const monthOf = (rec: RecordRow, f: typeof dateField): string | undefined => {
    const v = fieldValue(rec, f)
    if (typeof v !== 'string') return bucketDate(v, 'month')?.key
    let m = months.get(v)
    if (m === undefined && !months.has(v)) months.set(v, m = bucketDate(v, 'month')?.key)
    return m
  }
  const keyOf = (rec: RecordRow, month: string | undefined, owner: typeof ownerField): string[] => (by === 'month' ? (month ? [month] : []) : owner ? keysOf(fieldValue(rec, owner)) : [])
  const items = new Map<string, { label: Label, target: number, records: RecordRow[] }>()
  const item = (key: string, label: Label) => items.get(key) ?? items.set(key, { label, target: 0, records: [] }).get(key)!
  const shownMonths = new Set<string>()
  const memberName = (id: string): string => ctx.members.find(m => m.id === id)?.name ?? id
  for (const t of filteredRecords(tForm, undefined, ctx)) {
    const month = monthOf(t, tMonth)
    if (!month) continue
    shownMonths.add(month)
    const amount = Number(t.values[tAmount.id])
    for (const key of keyOf(t, month, tOwner)) {
      const it = item(key, by === 'month' ? bucketDate(fieldValue(t, tMonth), 'month')!.label : memberName(key))
      if (Number.isFinite(amount)) it.target += amount
    }
  }
  // actuals (none without a target month): the form's records read through their columns (filter, month and owners once per distinct value)
  const all = shownMonths.size === 0 ? [] : ctx.records[form.id] ?? []
  const rc = recordColumns(all)
  const kept = filterPopulation(all, combinedFilter(c.filter, dashboardConditions(form.id, ctx, { skipDates: true })), form, ctx, rc)
  const monthAt = fieldReader(rc, dateField, v => bucketDate(v, 'month')?.key)
  const ownersAt = ownerField ? fieldReader(rc, ownerField, keysOf) : () => []
  for (let i = 0; i < all.length; i++) {
    if (kept[i] !== 1) continue
    const month = monthAt(i)
    if (!month || !shownMonths.has(month)) continue
    const rec = all[i] as RecordRow
    for (const key of by === 'month' ? [month] : ownersAt(i)) {
      const it = items.get(key) ?? item(key, by === 'month' ? bucketDate(fieldValue(rec, dateField), 'month')!.label : memberName(key))
      it.records.push(rec)
    }
  }
  const list: TargetItem[] = [...items].map(([key, it]) => {
    const actual = aggregate(it.records, measure, form.fields) ?? 0
    return { key, label: it.label, target: it.target, actual, progress: ratio(actual, it.target) }
  })
  list.sort((a, b) => (by === 'month' ? a.key.localeCompare(b.key) : b.target - a.target || b.actual - a.actual))
  const allActual = aggregate([...new Set([...items.values()].flatMap(it => it.records))], measure, form.fields) ?? 0
  const target = list.reduce((t, x) => t + x.target, 0)
  const total: TargetItem = { key: '_total', label: { 'zh-CN': '合计', 'en': 'Total' }, target, actual: allActual, progress: ratio(allActual, target) }
  return { status: 'ok', data: { type: 'targetProgress', by, items: list, total, ...measureStyle(measure, form.fields) } }
}

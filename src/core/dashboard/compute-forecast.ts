/** Forecast widget: amounts per month stacked by forecast category, the target line and the weighted pipeline. */
import type { ForecastDealColumns, RecordColumns, ShownCategory } from '../metrics'
import { forecastOfColumns, OMITTED_CODE, perValue, SHOWN_CATEGORIES, summaryColumns, weightedPipeline } from '../metrics'
import type { FieldDef, ForecastCategory, Label, RecordRow } from '../schema/types'
import { bucketDate } from '../query'
import { NUMERIC_TYPES, typesWhere } from '../fields'
import { isForecastCategory, stageForecastCategory } from '../stages/forecast'
import type { DashboardContext } from './context'
import type { ForecastData, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { fieldValue } from './cell-text'
import { activeDateSpan, filteredRecords } from './dashboard-filters'
import { Resolver } from './resolve'
import type { StageInput } from './stage-input'
import { stageInput } from './stage-input'
import { fieldReader } from './field-reader'

const DATE_TYPES = typesWhere(b => b.filterKind === 'dateRange')

export const CATEGORY_LABELS: Record<ForecastCategory, Label> = {
  closed: { 'zh-CN': '已成交', 'en': 'Closed' },
  commit: { 'zh-CN': '承诺', 'en': 'Commit' },
  bestCase: { 'zh-CN': '可能成交', 'en': 'Best case' },
  pipeline: { 'zh-CN': '管道', 'en': 'Pipeline' },
  omitted: { 'zh-CN': '不计入', 'en': 'Omitted' },
}

/** 'YYYY-MM' of a date value, each distinct text bucketed once. */
function monthReader(): (v: unknown) => string | null {
  const seen = new Map<unknown, string | null>()
  return (v) => {
    let m = seen.get(v)
    if (m === undefined) seen.set(v, m = bucketDate(v, 'month')?.key ?? null)
    return m
  }
}

/** A category's code in deal columns (core/metrics forecastOfColumns). */
function categoryCode(c: ForecastCategory): number {
  return c === 'omitted' ? OMITTED_CODE : SHOWN_CATEGORIES.indexOf(c)
}

/** Per number column of a snapshot (record-columns.ts; a column never changes): the amounts as the forecast reads them. */
const amountColumns = new WeakMap<Float64Array, Float64Array>()

/**
 * The amount of every record as the forecast sums it: the number column, and where that is NaN
 * (missing, or not a number) the record's own value as Number reads it, 0 when not finite. Kept
 * with the number column, so the records without an amount (a quarter of the demo's deals) are
 * read once per snapshot, not on every computation.
 */
function forecastAmounts(rc: RecordColumns, amountId: string): Float64Array {
  const numbers = rc.number(amountId)
  let col = amountColumns.get(numbers)
  if (col === undefined) {
    col = Float64Array.from(numbers)
    for (let i = 0; i < col.length; i++) {
      if (col[i] === col[i]) continue
      const v = Number((rc.rows[i] as RecordRow).values[amountId])
      col[i] = Number.isFinite(v) ? v : 0
    }
    amountColumns.set(numbers, col)
  }
  return col
}

/**
 * The deals of the input's population with a stage of its field, as columns in record order,
 * read through the records' columns: stage, category and month once per distinct value, the
 * amount from {@link forecastAmounts}.
 */
function forecastDeals(input: StageInput, stageId: string, amountId: string, date: FieldDef, closed: FieldDef, categoryField: string | undefined): ForecastDealColumns {
  const { records, population } = input
  const rc = summaryColumns(records, input.summary)
  // per distinct value: the stage with its default category code, and the own category's code (-1: none)
  const stages = new Map(input.field.options.stages.map(s => [s.id, { stage: s, open: s.kind === 'open', code: categoryCode(stageForecastCategory(s)) }]))
  const stageOf = perValue(rc, stageId, v => stages.get(v as string))
  const ownOf = categoryField === undefined ? () => -1 : perValue(rc, categoryField, v => (isForecastCategory(v) ? categoryCode(v) : -1))
  const months: string[] = []
  const monthCode = new Map<string, number>()
  const toMonth = (v: unknown): number => {
    const key = bucketDate(v, 'month')?.key
    if (key === undefined) return -1
    let m = monthCode.get(key)
    if (m === undefined) monthCode.set(key, m = months.push(key) - 1)
    return m
  }
  const monthOfDate = fieldReader(rc, date, toMonth)
  const monthOfClosed = fieldReader(rc, closed, toMonth)
  const amounts = forecastAmounts(rc, amountId)
  const N = records.length
  const amount = new Float64Array(N)
  const category = new Uint8Array(N)
  const month = new Int32Array(N)
  let k = 0
  for (let i = 0; i < N; i++) {
    if (population[i] !== 1) continue
    const st = stageOf(i)
    if (!st) continue
    amount[k] = amounts[i] as number
    // categoryOf: the own category while open, else the stage's default
    const own = st.open ? ownOf(i) : -1
    category[k] = own >= 0 ? own : st.code
    month[k++] = st.stage.kind === 'won' ? monthOfClosed(i) : monthOfDate(i)
  }
  return { count: k, amount, category, month, months }
}

/**
 * Forecast by category and period: the widget's deals (widget filter and the dashboard's
 * non-date filters; one pipeline) per month of their expected close date (won deals: their
 * closed date), stacked Closed / Commit / Best case / Pipeline; omitted deals and deals without
 * a date are left out and counted. The dashboard's date filter on the form picks the months
 * shown. Targets: the targets form's records passing the dashboard filters, summed per month.
 */
export function computeForecast(w: WidgetOf<'forecast'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const split = r.stage(form, c.stageField, 'stageField', c.pipeline)
  const amount = r.field(form, c.amountField, 'amountField', NUMERIC_TYPES)
  const date = r.field(form, c.dateField, 'dateField', DATE_TYPES)
  const closed = c.closedDateField === undefined ? date : r.field(form, c.closedDateField, 'closedDateField', DATE_TYPES)
  // no targets form chosen: no target line
  const tc = c.targets?.formId === undefined ? undefined : c.targets
  const tForm = tc ? r.form(tc.formId, 'targets.formId') : undefined
  const tAmount = tc ? r.field(tForm, tc.amountField, 'targets.amountField', NUMERIC_TYPES) : undefined
  const tMonth = tc ? r.field(tForm, tc.monthField, 'targets.monthField', DATE_TYPES) : undefined
  if (!r.ok || !form || !split || !amount || !date || !closed) return { status: 'needsConfig', problems: r.problems }

  const input = stageInput(form, split, c, ctx, amount.id, { skipDates: true })
  const deals = forecastDeals(input, split.id, amount.id, date, closed, split.options.forecast?.categoryField)
  const targets = new Map<string, number>()
  if (tForm && tAmount && tMonth) {
    const tMonthOf = monthReader()
    for (const t of filteredRecords(tForm, undefined, ctx)) {
      const m = tMonthOf(fieldValue(t, tMonth))
      const a = Number(t.values[tAmount.id])
      if (m !== null && Number.isFinite(a)) targets.set(m, (targets.get(m) ?? 0) + a)
    }
  }
  const span = activeDateSpan(form.id, ctx)
  const f = forecastOfColumns(deals, targets, span ? { from: span.from.slice(0, 7), to: span.to.slice(0, 7) } : undefined)
  const p = weightedPipeline(input)
  const data: ForecastData = {
    type: 'forecast',
    currency: currencyOf(amount),
    stack: SHOWN_CATEGORIES.map((key: ShownCategory) => ({ key, label: CATEGORY_LABELS[key], amount: f.amounts[key], count: f.counts[key] })),
    months: f.months.map(m => ({ key: m.month, label: bucketDate(`${m.month}-01`, 'month')!.label, amounts: m.amounts, counts: m.counts, total: m.total, target: m.target })),
    hasTargets: targets.size > 0,
    undated: f.undated,
    omitted: f.omitted,
    weighted: { weighted: p.weighted, amount: p.amount, count: p.count },
  }
  return { status: 'ok', data }
}

function currencyOf(f: FieldDef): string | undefined {
  return f.type === 'money' ? f.options?.currency : undefined
}

/** Builds metric inputs for stage widgets over one stage summary per (records, events, version, field). */
import type { MetricInput, Period, StageSummary } from '../metrics'
import { summarizeStageHistory, summaryColumns } from '../metrics'
import type { StageEventSource } from '../events'
import { EMPTY_COLUMNS } from '../events'
import type { FieldOf, FormDef, RecordRow } from '../schema/types'
import type { DashboardContext } from './context'
import type { ConditionOptions } from './dashboard-filters'
import type { FunnelBasis, StageSourceConfig } from './config-types'
import type { DaySpan } from './date-range'
import { activeDateSpan, combinedFilter, dashboardConditions, filterPopulation } from './dashboard-filters'
import { dayOfText } from './date-range'
import { localMidnight } from '../query/dates'
import { pipelineFilter, pipelineStageField } from '../stages/pipelines'

/** Results kept per summary (populations, shared metric results) before the memo is cleared. */
const MEMO_LIMIT = 64

/** One cached summary: valid while the arrays, their lengths and the version are unchanged. */
interface Entry {
  records: readonly RecordRow[]
  recordCount: number
  events: StageEventSource
  eventCount: number
  version: unknown
  summary: StageSummary
  memo: Map<string, unknown>
}

/** One entry per stage field definition (a changed definition is a new object: a fresh summary). */
const cache = new WeakMap<FieldOf<'stage'>, Entry>()

function entryFor(records: readonly RecordRow[], events: StageEventSource, field: FieldOf<'stage'>, version: unknown, amountField?: string): Entry {
  const e = cache.get(field)
  if (e !== undefined && e.records === records && e.recordCount === records.length && e.events === events
    && e.eventCount === events.length && e.version === version) return e
  // the replaced summary's columns are taken over by the new one (see cachedSummary)
  const summary = summarizeStageHistory(records, events, field, { numberFields: amountField === undefined ? [] : [amountField], recycle: e?.summary })
  const fresh: Entry = { records, recordCount: records.length, events, eventCount: events.length, version, summary, memo: new Map() }
  cache.set(field, fresh)
  return fresh
}

/**
 * The stage summary of a form's records, built once and reused while `records` and `events`
 * are the same arrays with the same lengths and `version` is unchanged. Stores edit record
 * arrays in place, so pass a version that changes on every write (DashboardContext.dataVersion);
 * without one, only a new array or a new length invalidates. A fresh summary reads
 * `amountField` in its pass over the records (kept with it for the funnel's amounts).
 * A summary handed out here (and by {@link stageInput}) is valid until the next one of the
 * field is built: that build writes into the replaced summary's columns (SummaryOptions.recycle),
 * so read it and its arrays within one computation and keep only results made from them.
 */
export function cachedSummary(records: readonly RecordRow[], events: StageEventSource, field: FieldOf<'stage'>, version?: unknown, amountField?: string): StageSummary {
  return entryFor(records, events, field, version, amountField).summary
}

/** The half-open local-time period of an inclusive day span (its first midnight to the midnight after its last day). */
export function periodOfSpan(span: DaySpan): Period {
  return { from: localMidnight(dayOfText(span.from)), to: localMidnight(dayOfText(span.to) + 1) }
}

/** A metric input of a stage widget: shared summary and population, and a memo for shared results. */
export interface StageInput extends MetricInput {
  summary: StageSummary
  population: Uint8Array
  /**
   * `compute()` once per summary, population and "now"; later calls with the same `name`
   * reuse it. A result that depends on the amount field must name it in `name`.
   */
  shared: <T>(name: string, compute: () => T) => T
  /** `compute()` once per summary (whatever the population): results depending on the records only. */
  cached: <T>(name: string, compute: () => T) => T
}

function memo<T>(entry: Entry, key: string, compute: () => T): T {
  if (entry.memo.has(key)) return entry.memo.get(key) as T
  const v = compute()
  if (entry.memo.size >= MEMO_LIMIT) entry.memo.clear()
  entry.memo.set(key, v)
  return v
}

/**
 * A metric input over all records of `form`, restricted to those passing the widget filter
 * and the dashboard filters. Basis `cohort` (default): no metric period, the dashboard date
 * filter is a record condition on its target field, so figures equal core's over exactly those
 * records. Basis `period`: the date filter is left out of the conditions and becomes the
 * metric period in `activity` mode (stage entries made in it, by any record).
 * The summary is cached by (records, events, ctx.dataVersion, field) — by the context object
 * itself when it has no dataVersion — and the population by its filter, so the widgets of
 * one dashboard share both. A stage field that splits by pipeline is narrowed to
 * `source.pipeline` (default: its first): the input's `field` has that pipeline's stages only and
 * the population keeps that pipeline's records only.
 */
export function stageInput(form: FormDef, splitField: FieldOf<'stage'>, source: StageSourceConfig, ctx: DashboardContext, amountField?: string, opts: ConditionOptions = {}, basis: FunnelBasis = 'cohort'): StageInput {
  // one pipeline only: its stages (the summary never sees another pipeline's) and its records
  const field = pipelineStageField(splitField, source.pipeline)
  const pipeline = pipelineFilter(splitField, source.pipeline)
  const records = ctx.records[form.id] ?? []
  const events = ctx.events[form.id] ?? EMPTY_COLUMNS
  const entry = entryFor(records, events, field, ctx.dataVersion ?? ctx, amountField)
  // period basis: the date filter becomes the metric period (stage entries made in it), not a record condition
  const span = basis === 'period' ? (opts.dateSpan ?? activeDateSpan(form.id, ctx)) : undefined
  const period = span ? periodOfSpan(span) : undefined
  const conditions = dashboardConditions(form.id, ctx, basis === 'period' ? { ...opts, skipDates: true } : opts)
  const filter = combinedFilter(source.filter, pipeline ? [pipeline, ...conditions] : conditions)
  const popKey = filter === undefined ? 'all' : `${ctx.now}|${ctx.currentMemberId ?? ''}|${JSON.stringify(filter)}`
  const population = memo(entry, `population|${popKey}`, () => filterPopulation(records, filter, form, ctx, summaryColumns(records, entry.summary)))
  const key = `${popKey}|${ctx.now}|${period ? `${period.from}-${period.to}` : ''}`
  return {
    records,
    events,
    field,
    summary: entry.summary,
    population,
    options: period ? { amountField, now: ctx.now, period, mode: 'activity' } : { amountField, now: ctx.now },
    shared: <T>(name: string, compute: () => T): T => memo(entry, `${name}|${key}`, compute),
    cached: <T>(name: string, compute: () => T): T => memo(entry, `records:${name}`, compute),
  }
}

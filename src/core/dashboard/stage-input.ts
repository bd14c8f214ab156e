/** Builds metric inputs for stage widgets, reusing one stage summary per (records, events, field). */
import type { MetricInput, StageSummary } from '../metrics'
import { summarizeStageHistory } from '../metrics'
import type { FieldOf, FormDef, RecordRow, StageEvent } from '../schema/types'
import type { DashboardContext } from './context'
import type { ConditionOptions } from './dashboard-filters'
import type { SourceConfig } from './config-types'
import { recordPredicate } from './dashboard-filters'

const NO_EVENTS: readonly StageEvent[] = []
const cache = new WeakMap<readonly RecordRow[], WeakMap<readonly StageEvent[], WeakMap<FieldOf<'stage'>, StageSummary>>>()

/** The stage summary of a form's records, computed once per record array, event array and field. */
export function cachedSummary(records: readonly RecordRow[], events: readonly StageEvent[], field: FieldOf<'stage'>): StageSummary {
  let byEvents = cache.get(records)
  if (!byEvents) cache.set(records, byEvents = new WeakMap())
  let byField = byEvents.get(events)
  if (!byField) byEvents.set(events, byField = new WeakMap())
  let s = byField.get(field)
  if (!s) byField.set(field, s = summarizeStageHistory(records, events, field))
  return s
}

/**
 * A metric input over all records of `form`, restricted by `where` to those passing the
 * widget filter and the dashboard filters (no metric period: the dashboard date filter is a
 * record condition on its target field, so figures equal core's over exactly those records).
 */
export function stageInput(form: FormDef, field: FieldOf<'stage'>, source: SourceConfig, ctx: DashboardContext, amountField?: string, opts: ConditionOptions = {}): MetricInput {
  const records = ctx.records[form.id] ?? []
  const events = ctx.events[form.id] ?? NO_EVENTS
  const where = recordPredicate(form, source.filter, ctx, opts)
  return {
    records,
    events,
    field,
    summary: cachedSummary(records, events, field),
    options: { where, amountField, now: ctx.now },
  }
}

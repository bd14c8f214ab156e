/**
 * The "why" panel of a funnel or conversion widget's stage: its loss reasons, its conversion by
 * owner / source / segment (every select, member and relation field) and time in it, each
 * against the rest. Computed on demand (when the panel opens), over the widget's own funnel.
 */
import type { Interval } from '../metrics'
import { MIN_TARGET_SAMPLE, MS_PER_DAY, reachOf, stageWhy, wilsonInterval } from '../metrics'
import type { FieldDef, Label, WidgetDef } from '../schema/types'
import type { DashboardContext } from './context'
import { fieldGroups, isGroupField, NO_VALUE as EMPTY } from './field-groups'
import { sharedFunnel } from './compute-funnel'
import { Resolver } from './resolve'
import { stageInput } from './stage-input'
import type { StageTargetData } from './stage-targets'
import { stageTargets } from './stage-targets'

/** Fields shown at most, and groups per field. */
const MAX_FIELDS = 6
const MAX_GROUPS = 12

/** A group's conversion at the stage against the rest of the records (the other groups). */
export interface WhyGroupRow {
  key: string | null
  label: Label
  n: number
  x: number
  rate: number | null
  interval: Interval | null
  restN: number
  restRate: number | null
  /** The whole 95 % interval lies below the rest's rate (enough records to say so). */
  worse: boolean
  /** The whole 95 % interval lies above the rest's rate. */
  better: boolean
}

export interface StageWhyData {
  stageId: string
  label: Label
  toLabel: Label
  reached: number
  moved: number
  rate: number | null
  /** The stage's target check, when it has a target. */
  target?: StageTargetData
  /** No loss-reason field set on the stage field. */
  noReasonField: boolean
  lostHere: number
  lostRest: number
  lossReasons: { key: string | null, label: Label, here: number, rest: number }[]
  groups: { fieldId: string, label: Label, rows: WhyGroupRow[] }[]
  /** Median total days in the stage and how many records each figure rests on. */
  time: Record<'moved' | 'lost' | 'stillIn', { days: number | null, count: number }>
}

/** The why of `stageId` in a funnel or conversion widget, or undefined when it has none (snapshot, unknown stage, bad config). */
export function computeStageWhy(w: WidgetDef, ctx: DashboardContext, stageId: string): StageWhyData | undefined {
  if (w.type !== 'funnel' && w.type !== 'conversion') return undefined
  const c = w.config
  if (w.type === 'funnel' && w.config.mode === 'snapshot') return undefined
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const field = r.stage(form, c.stageField)
  if (!r.ok || !form || !field) return undefined
  const kind = c.mode === 'strict' ? 'strict' : 'anyOrder'
  const input = stageInput(form, field, c, ctx, undefined, {}, c.basis ?? 'cohort')
  const why = stageWhy(input, stageId, kind)
  if (!why) return undefined
  const stage = (id: string): Label => field.options.stages.find(s => s.id === id)?.label ?? id
  const reasonField = form.fields.find(f => f.id === field.options.lossReasonField)
  const target = stageTargets(input, sharedFunnel(input, kind)).find(t => t.stageId === stageId)
  // owner (members) and source / segment (options) first, then relations (account, contact)
  const rank = (f: FieldDef): number => (f.type === 'member' ? 0 : f.type === 'relation' ? 2 : 1)
  const groupFields = form.fields.filter(f => isGroupField(f) && f.id !== field.options.lossReasonField)
    .sort((a, b) => rank(a) - rank(b)).slice(0, MAX_FIELDS)
  const days = (d: { count: number, median: number | null }) => ({ days: d.median === null ? null : d.median / MS_PER_DAY, count: d.count })
  return {
    stageId,
    label: stage(stageId),
    toLabel: stage(why.toStageId),
    reached: why.reached,
    moved: why.moved,
    rate: why.reached > 0 ? why.moved / why.reached : null,
    ...(target ? { target } : {}),
    noReasonField: reasonField === undefined,
    lostHere: why.lostHere,
    lostRest: why.lostRest,
    lossReasons: why.lossReasons.map(g => ({ ...g, label: reasonLabel(reasonField, g.key) })),
    groups: groupFields.map(f => ({ fieldId: f.id, label: f.label, rows: groupRows(fieldGroups(input, form, f, ctx), why.reach, why.reached, why.moved) })),
    time: { moved: days(why.time.moved), lost: days(why.time.lost), stillIn: days(why.time.stillIn) },
  }
}

function reasonLabel(field: FieldDef | undefined, key: string | null): Label {
  if (key === null) return EMPTY
  if (field?.type === 'select' || field?.type === 'multiselect') return field.options.choices.find(c => c.id === key)?.label ?? key
  return key
}

/** Each group's conversion against the rest (records of the other groups and of none). Groups with records at the stage, most first. */
export function groupRows(groups: ReturnType<typeof fieldGroups>, reach: Uint8Array, reached: number, moved: number): WhyGroupRow[] {
  const rows = groups.map((g): WhyGroupRow => {
    const { n, x } = reachOf(reach, g.indices)
    const rate = n > 0 ? x / n : null
    const restN = reached - n
    const restRate = restN > 0 ? (moved - x) / restN : null
    const interval = wilsonInterval(x, n)
    const judged = n >= MIN_TARGET_SAMPLE && restN >= MIN_TARGET_SAMPLE && interval !== null && restRate !== null
    return { key: g.key, label: g.key === null ? EMPTY : g.label, n, x, rate, interval, restN, restRate, worse: judged && interval.high < restRate, better: judged && interval.low > restRate }
  })
  return rows.filter(r => r.n > 0).sort((a, b) => b.n - a.n).slice(0, MAX_GROUPS)
}

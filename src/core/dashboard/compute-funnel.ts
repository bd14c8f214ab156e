import type { Funnel, SnapshotFunnel } from '../metrics'
import { bottleneckOf, conversionFromFunnel, cumulativeFunnel, ratio, snapshotFunnel, strictFunnel, timeInStage } from '../metrics'
import type { DashboardContext } from './context'
import type { BottleneckInfo, FunnelLayer, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { NUMERIC_TYPES } from '../fields'
import { Resolver } from './resolve'
import type { StageInput } from './stage-input'
import { stageInput } from './stage-input'
import { basisNote } from './basis-note'
import { amountCurrency } from './amount-currency'
import { stageTargets, targetProblems } from './stage-targets'

/** Funnel widget: layers per stage with % of first and % to next, and the bottleneck. */
export function computeFunnel(w: WidgetOf<'funnel'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const field = r.stage(form, c.stageField, 'stageField', c.pipeline)
  const value = c.value ?? 'count'
  const amount = value === 'amount' || c.amountField !== undefined ? r.field(form, c.amountField, 'amountField', NUMERIC_TYPES) : undefined
  if (!r.ok || !form || !field) return { status: 'needsConfig', problems: r.problems }
  const mode = c.mode ?? 'cumulative'
  const bad = mode === 'snapshot' ? [] : targetProblems(field)
  if (bad.length > 0) return { status: 'needsConfig', problems: bad }
  const basis = mode === 'snapshot' ? 'cohort' : (c.basis ?? 'cohort')
  const input = stageInput(form, field, c, ctx, amount?.id, {}, basis)
  const snapshot = mode === 'snapshot'
  const funnel = snapshot ? undefined : sharedFunnel(input, mode === 'strict' ? 'strict' : 'anyOrder')
  const raw = funnel ? funnelLayers(funnel) : snapshotLayers(sharedSnapshot(input))
  const pick = (l: RawLayer): number => (value === 'amount' ? l.amount : l.count)
  const first = raw[0] ? pick(raw[0]) : 0
  const total = raw.reduce((t, l) => t + pick(l), 0)
  // A snapshot's layers are not nested (a deal now in S3 is not counted in S1): its shares are of
  // every deal shown, never "of first" or "to next", which would exceed 100 %.
  const layers = raw.map((l, i): FunnelLayer => {
    const next = raw[i + 1]
    return snapshot
      ? { ...l, value: pick(l), pctOfFirst: null, pctToNext: null, share: ratio(pick(l), total) }
      : { ...l, value: pick(l), pctOfFirst: ratio(pick(l), first), pctToNext: next ? ratio(pick(next), pick(l)) : null, share: null }
  })
  const population = snapshot ? raw.reduce((t, l) => t + l.count, 0) + lostCount(input) : (raw[0]?.count ?? 0)
  const bottleneck = snapshot ? null : bottleneckInfo(input, mode === 'strict' ? 'strict' : 'anyOrder')
  const currency = value === 'amount' ? amountCurrency(amount) : undefined
  return { status: 'ok', data: { type: 'funnel', mode, basis, subtitle: basisNote(form, mode, basis, ctx), value, layers, bottleneck, population, targets: funnel ? stageTargets(input, funnel) : [], ...(currency === undefined ? {} : { currency }) } }
}

type RawLayer = Omit<FunnelLayer, 'value' | 'pctOfFirst' | 'pctToNext' | 'share'>

function funnelLayers(f: Funnel): RawLayer[] {
  return f.steps.map(s => ({ stageId: s.stageId, label: s.label, kind: s.kind, count: s.count, amount: s.amount }))
}

/** Snapshot layers: open stages and won (lost records are counted in the population, not drawn). */
function snapshotLayers(f: SnapshotFunnel): RawLayer[] {
  return f.stages.filter(s => s.kind !== 'lost').map(s => ({ stageId: s.stageId, label: s.label, kind: s.kind, count: s.count, amount: s.amount }))
}

function lostCount(input: StageInput): number {
  return sharedSnapshot(input).stages.filter(s => s.kind === 'lost').reduce((t, s) => t + s.count, 0)
}

function sharedSnapshot(input: StageInput): SnapshotFunnel {
  return input.shared(`snapshotFunnel:${input.options?.amountField ?? ''}`, () => snapshotFunnel(input))
}

/** The any-order or strict funnel of a stage input, computed once per dashboard population. */
export function sharedFunnel(input: StageInput, kind: Funnel['kind']): Funnel {
  return input.shared(`funnel:${kind}:${input.options?.amountField ?? ''}`, () => (kind === 'strict' ? strictFunnel(input) : cumulativeFunnel(input)))
}

/**
 * The core bottleneck of the widget's own funnel kind (a strict widget names the strict
 * funnel's weakest step), for naming in words; funnel and time in stage shared with other widgets.
 */
export function bottleneckInfo(input: StageInput, kind: Funnel['kind']): BottleneckInfo | null {
  const b = input.shared(`bottleneck:${kind}`, () => bottleneckOf(conversionFromFunnel(sharedFunnel(input, kind)), input.shared('timeInStage', () => timeInStage(input)), input.field))
  return b ? { stageId: b.stageId, toStageId: b.toStageId, rate: b.rate, sentence: b.sentence } : null
}

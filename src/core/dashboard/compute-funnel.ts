import type { Funnel, MetricInput, SnapshotFunnel } from '../metrics'
import { bottleneck, cumulativeFunnel, ratio, snapshotFunnel, strictFunnel } from '../metrics'
import type { DashboardContext } from './context'
import type { BottleneckInfo, FunnelLayer, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { NUMERIC_TYPES, Resolver } from './resolve'
import { stageInput } from './stage-input'

/** Funnel widget: layers per stage with % of first and % to next, and the bottleneck. */
export function computeFunnel(w: WidgetOf<'funnel'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const field = r.stage(form, c.stageField)
  const value = c.value ?? 'count'
  const amount = value === 'amount' || c.amountField !== undefined ? r.field(form, c.amountField, 'amountField', NUMERIC_TYPES) : undefined
  if (!r.ok || !form || !field) return { status: 'needsConfig', problems: r.problems }
  const input = stageInput(form, field, c, ctx, amount?.id)
  const mode = c.mode ?? 'cumulative'
  const raw = mode === 'snapshot' ? snapshotLayers(snapshotFunnel(input)) : funnelLayers(mode === 'strict' ? strictFunnel(input) : cumulativeFunnel(input))
  const pick = (l: Omit<FunnelLayer, 'value' | 'pctOfFirst' | 'pctToNext'>): number => (value === 'amount' ? l.amount : l.count)
  const first = raw[0] ? pick(raw[0]) : 0
  const layers = raw.map((l, i): FunnelLayer => {
    const next = raw[i + 1]
    return { ...l, value: pick(l), pctOfFirst: ratio(pick(l), first), pctToNext: next ? ratio(pick(next), pick(l)) : null }
  })
  const population = mode === 'snapshot' ? raw.reduce((t, l) => t + l.count, 0) + lostCount(input) : (raw[0]?.count ?? 0)
  return { status: 'ok', data: { type: 'funnel', mode, value, layers, bottleneck: bottleneckInfo(input), population } }
}

function funnelLayers(f: Funnel): Omit<FunnelLayer, 'value' | 'pctOfFirst' | 'pctToNext'>[] {
  return f.steps.map(s => ({ stageId: s.stageId, label: s.label, kind: s.kind, count: s.count, amount: s.amount }))
}

/** Snapshot layers: open stages and won (lost records are counted in the population, not drawn). */
function snapshotLayers(f: SnapshotFunnel): Omit<FunnelLayer, 'value' | 'pctOfFirst' | 'pctToNext'>[] {
  return f.stages.filter(s => s.kind !== 'lost').map(s => ({ stageId: s.stageId, label: s.label, kind: s.kind, count: s.count, amount: s.amount }))
}

function lostCount(input: MetricInput): number {
  return snapshotFunnel(input).stages.filter(s => s.kind === 'lost').reduce((t, s) => t + s.count, 0)
}

/** The core bottleneck of the any-order funnel, for naming in words. */
export function bottleneckInfo(input: MetricInput): BottleneckInfo | null {
  const b = bottleneck(input)
  return b ? { stageId: b.stageId, toStageId: b.toStageId, rate: b.rate, sentence: b.sentence } : null
}

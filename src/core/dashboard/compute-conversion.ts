import { conversionFromFunnel } from '../metrics'
import type { Label } from '../schema/types'
import type { DashboardContext } from './context'
import type { ConversionStepData, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { bottleneckInfo, sharedFunnel } from './compute-funnel'
import { Resolver } from './resolve'
import { stageInput } from './stage-input'
import { basisNote } from './basis-note'
import { stageTargets, targetProblems } from './stage-targets'

/** Conversion widget: stage-to-stage rates (table + bar), overall rate and the bottleneck. */
export function computeConversion(w: WidgetOf<'conversion'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const field = r.stage(form, c.stageField, 'stageField', c.pipeline)
  if (!r.ok || !form || !field) return { status: 'needsConfig', problems: r.problems }
  const bad = targetProblems(field)
  if (bad.length > 0) return { status: 'needsConfig', problems: bad }
  const basis = c.basis ?? 'cohort'
  const input = stageInput(form, field, c, ctx, undefined, {}, basis)
  const kind = c.mode === 'strict' ? 'strict' : 'anyOrder'
  const funnel = sharedFunnel(input, kind)
  const conv = conversionFromFunnel(funnel)
  const labelOf = new Map<string, Label>(funnel.steps.map(s => [s.stageId, s.label]))
  const countOf = new Map<string, number>(funnel.steps.map(s => [s.stageId, s.count]))
  const steps = conv.steps.map((s): ConversionStepData => ({
    from: s.from,
    fromLabel: labelOf.get(s.from) ?? s.from,
    to: s.to,
    toLabel: labelOf.get(s.to) ?? s.to,
    fromCount: countOf.get(s.from) ?? 0,
    toCount: countOf.get(s.to) ?? 0,
    rate: s.rate,
  }))
  return { status: 'ok', data: { type: 'conversion', basis, subtitle: basisNote(form, c.mode ?? 'cumulative', basis, ctx), steps, overall: conv.overall, bottleneck: bottleneckInfo(input, kind), targets: stageTargets(input, funnel) } }
}

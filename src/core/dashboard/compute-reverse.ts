import { reverseFunnel } from '../metrics'
import type { DashboardContext } from './context'
import type { WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { NUMERIC_TYPES } from '../fields'
import { Resolver } from './resolve'
import { amountCurrency } from './amount-currency'
import { stageInput } from './stage-input'

/** Reverse (planning) funnel: records needed at each stage for the revenue goal. */
export function computeReverseFunnel(w: WidgetOf<'reverseFunnel'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const field = r.stage(form, c.stageField, 'stageField', c.pipeline)
  const amount = r.field(form, c.amountField, 'amountField', NUMERIC_TYPES)
  if (c.goal === undefined || !(c.goal > 0)) r.problems.push({ key: 'goal', reason: 'missing' })
  if (!r.ok || !form || !field || !amount || c.goal === undefined) return { status: 'needsConfig', problems: r.problems }
  const rf = reverseFunnel(stageInput(form, field, c, ctx, amount.id), c.goal)
  const labelOf = (id: string) => field.options.stages.find(s => s.id === id)?.label ?? id
  const currency = amountCurrency(amount)
  return {
    status: 'ok',
    data: {
      type: 'reverseFunnel',
      goal: rf.goal,
      averageWonAmount: rf.averageWonAmount,
      wonNeeded: rf.wonNeeded,
      steps: rf.steps.map(s => ({ stageId: s.stageId, label: labelOf(s.stageId), current: s.current, needed: s.needed, rateToWon: s.rateToWon })),
      ...(currency ? { currency } : {}),
    },
  }
}

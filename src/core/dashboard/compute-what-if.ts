/** The what-if planner of a reverse funnel widget: its measured base, goal and close-day text. */
import type { WhatIfBase } from '../metrics'
import { whatIfBase } from '../metrics'
import type { WidgetDef } from '../schema/types'
import { NUMERIC_TYPES } from '../fields'
import { localDayOf } from '../query/dates'
import type { DashboardContext } from './context'
import { dayToText } from './date-range'
import { Resolver } from './resolve'
import { amountCurrency } from './amount-currency'
import { stageInput } from './stage-input'

export interface WhatIfData {
  base: WhatIfBase
  /** The widget's revenue goal. */
  goal: number
  /** ISO 4217 code of the amount field, when it is a money field (amounts show its symbol). */
  currency?: string
}

/** The planner of a reverse funnel widget over the same records, or undefined when the widget cannot draw. */
export function computeWhatIf(w: WidgetDef, ctx: DashboardContext): WhatIfData | undefined {
  if (w.type !== 'reverseFunnel') return undefined
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const field = r.stage(form, c.stageField, 'stageField', c.pipeline)
  const amount = r.field(form, c.amountField, 'amountField', NUMERIC_TYPES)
  if (!r.ok || !form || !field || !amount || c.goal === undefined || !(c.goal > 0)) return undefined
  const currency = amountCurrency(amount)
  return { base: whatIfBase(stageInput(form, field, c, ctx, amount.id)), goal: c.goal, ...(currency ? { currency } : {}) }
}

/** The local calendar day 'YYYY-MM-DD' of an epoch-ms time (close dates of a plan). */
export function localDayText(t: number): string {
  return dayToText(localDayOf(t))
}

/** The local calendar month 'YYYY-MM' of an epoch-ms time (a plan's close months). */
export function localMonthText(t: number): string {
  return localDayText(t).slice(0, 7)
}

/** Pipeline waterfall widget: the open pipeline at the start of a window, what came in and went out, the open pipeline at its end. */
import type { Waterfall, WaterfallBarKey } from '../metrics'
import { pipelineWaterfall } from '../metrics'
import type { Label } from '../schema/types'
import { localDayOf } from '../query/dates'
import { NUMERIC_TYPES } from '../fields'
import type { DashboardContext } from './context'
import type { WaterfallConfig } from './config-types'
import type { WaterfallBarData, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import type { DaySpan } from './date-range'
import { activeDateSpan } from './dashboard-filters'
import { dayOfText, dayToText } from './date-range'
import { Resolver } from './resolve'
import { amountCurrency } from './amount-currency'
import type { StageInput } from './stage-input'
import { periodOfSpan, stageInput } from './stage-input'

const LABELS: Record<WaterfallBarKey, Label> = {
  start: { 'zh-CN': '期初在途', 'en': 'Open at start' },
  created: { 'zh-CN': '+ 新建', 'en': '+ Created' },
  pulledIn: { 'zh-CN': '+ 重新打开', 'en': '+ Pulled in' },
  pushedOut: { 'zh-CN': '− 移出', 'en': '− Pushed out' },
  amountChange: { 'zh-CN': '± 金额变化', 'en': '± Amount changes' },
  won: { 'zh-CN': '− 赢单', 'en': '− Won' },
  lost: { 'zh-CN': '− 输单', 'en': '− Lost' },
  end: { 'zh-CN': '期末在途', 'en': 'Open at end' },
}

const isDay = (s: string | undefined): s is string => s !== undefined && !Number.isNaN(dayOfText(s))

/** The window's days: the config's, else the dashboard date filter's, else this month to today. */
function windowOf(c: WaterfallConfig, formId: string, ctx: DashboardContext): DaySpan {
  const span = activeDateSpan(formId, ctx)
  const today = localDayOf(ctx.now)
  const firstOfMonth = dayToText(today).slice(0, 8) + '01'
  return {
    from: isDay(c.from) ? c.from : span?.from ?? firstOfMonth,
    to: isDay(c.to) ? c.to : span?.to ?? dayToText(today),
  }
}

/** The waterfall of a widget and the input it was computed over (shared by the widget and its drill-through), or its problems. */
export function widgetWaterfall(w: WidgetOf<'waterfall'>, ctx: DashboardContext): { input: StageInput, waterfall: Waterfall, span: DaySpan, currency?: string } | { problems: WidgetResult & { status: 'needsConfig' } } {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const field = r.stage(form, c.stageField, 'stageField', c.pipeline)
  const value = c.value ?? 'count'
  const amount = value === 'amount' || c.amountField !== undefined ? r.field(form, c.amountField, 'amountField', NUMERIC_TYPES) : undefined
  if (c.from !== undefined && !isDay(c.from)) r.problems.push({ key: 'from', reason: 'invalid' })
  if (c.to !== undefined && !isDay(c.to)) r.problems.push({ key: 'to', reason: 'invalid' })
  const span = form ? windowOf(c, form.id, ctx) : undefined
  if (span && dayOfText(span.to) < dayOfText(span.from)) r.problems.push({ key: 'to', reason: 'endBeforeStart', id: `${span.from} > ${span.to}` })
  if (!r.ok || !form || !field || !span) return { problems: { status: 'needsConfig', problems: r.problems } }
  // the date filter sets the window; it must not also keep only the records created in it
  const input = stageInput(form, field, c, ctx, amount?.id, { skipDates: true })
  const period = periodOfSpan(span)
  // the amount field's changes across the form: amounts as they were at the window's start
  const changes = amount ? ctx.fieldChanges?.[form.id]?.[amount.id] : undefined
  const key = `waterfall:${amount?.id ?? ''}:${period.from}:${period.to}:${changes?.length ?? -1}`
  const waterfall = input.shared(key, () => pipelineWaterfall(input, period.from!, period.to!, changes))
  const currency = amountCurrency(amount)
  return { input, waterfall, span, ...(currency ? { currency } : {}) }
}

/**
 * Waterfall widget: open at start, + created, + pulled in, − pushed out, ± amount changes (by
 * amount only), − won, − lost, = open at end, by count or amount; the bars sum exactly.
 */
export function computeWaterfall(w: WidgetOf<'waterfall'>, ctx: DashboardContext): WidgetResult {
  const got = widgetWaterfall(w, ctx)
  if ('problems' in got) return got.problems
  const value = w.config.value ?? 'count'
  const bars = got.waterfall.bars
    .filter(b => value === 'amount' || b.key !== 'amountChange')
    .map((b): WaterfallBarData => ({
      key: b.key,
      label: LABELS[b.key],
      count: b.count,
      amount: b.amount,
      value: value === 'amount' ? b.amount : (b.key === 'start' || b.key === 'end' ? b.count : b.delta),
    }))
  const { from, to } = got.span
  const subtitle = { 'zh-CN': `${from} 至 ${to} 的在途管道变化`, 'en': `Open pipeline, ${from} – ${to}` }
  const currency = value === 'amount' ? got.currency : undefined
  return { status: 'ok', data: { type: 'waterfall', value, from, to, subtitle, bars, ...(currency ? { currency } : {}) } }
}

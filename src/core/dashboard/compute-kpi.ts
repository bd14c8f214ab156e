import { ratio, salesCycle, salesVelocity, weightedPipeline, winRate } from '../metrics'
import { aggregate } from '../query'
import { assertNever } from '../utils/assert-never'
import type { DashboardContext } from './context'
import type { ConditionOptions } from './dashboard-filters'
import type { KpiData, WidgetResult } from './result-types'
import type { WidgetOf } from './widget-of'
import { activeDateSpan, filteredRecords } from './dashboard-filters'
import { previousSpan } from './date-range'
import { measureStyle, resolveMeasure } from './measure'
import { amountCurrency } from './amount-currency'
import { NUMERIC_TYPES } from '../fields'
import { currencySymbol } from '../fields/shared/number-format'
import { Resolver } from './resolve'
import { stageInput } from './stage-input'

type Figure = Pick<KpiData, 'value' | 'format' | 'detail' | 'currency'>

/**
 * KPI card: a record measure, win rate, weighted pipeline, sales velocity (per day) or average
 * sales cycle (days); optionally against the previous period of the dashboard's date filter
 * and against a target.
 */
export function computeKpi(w: WidgetOf<'kpi'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const metric = c.metric ?? 'measure'
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const stage = metric === 'measure' ? undefined : r.stage(form, c.stageField, 'stageField', c.pipeline)
  const needsAmount = metric === 'weightedPipeline' || metric === 'salesVelocity'
  const amount = needsAmount ? r.field(form, c.amountField, 'amountField', NUMERIC_TYPES) : undefined
  const measure = metric === 'measure' ? resolveMeasure(r, form, c.measure) : undefined
  if (!r.ok || !form) return { status: 'needsConfig', problems: r.problems }

  const figure = (opts: ConditionOptions): Figure => {
    if (metric === 'measure') {
      const m = measure ?? { fn: 'count' as const }
      return { value: aggregate(filteredRecords(form, c.filter, ctx, opts), m, form.fields), ...measureStyle(m, form.fields) }
    }
    if (!stage) return { value: null, format: 'number' }
    const input = stageInput(form, stage, c, ctx, amount?.id, opts)
    const currency = amountCurrency(amount)
    const money = currency === undefined ? {} : { currency }
    switch (metric) {
      case 'winRate': {
        const wr = winRate(input)
        return { value: wr.rate, format: 'percent', detail: { 'zh-CN': `赢单 ${wr.won} / 已关闭 ${wr.won + wr.lost}`, 'en': `${wr.won} won / ${wr.won + wr.lost} closed` } }
      }
      case 'weightedPipeline': {
        const p = weightedPipeline(input)
        // the total reads as the card's own figure does: grouped, with the amount field's currency
        const symbol = currency === undefined ? '' : currencySymbol(currency)
        const total = (l: string) => `${symbol}${new Intl.NumberFormat(l).format(Math.round(p.amount))}`
        return { value: p.weighted, format: 'money', ...money, detail: { 'zh-CN': `${p.count} 个进行中，总额 ${total('zh-CN')}`, 'en': `${p.count} open, total ${total('en')}` } }
      }
      case 'salesVelocity': {
        const v = salesVelocity(input)
        return { value: v.perDay, format: 'money', ...money, detail: { 'zh-CN': `每天；${v.openDeals} 个进行中`, 'en': `per day; ${v.openDeals} open deals` } }
      }
      case 'averageCycleDays': {
        const sc = salesCycle(input)
        return { value: sc.days.mean, format: 'days', detail: { 'zh-CN': `${sc.count} 个赢单`, 'en': `${sc.count} won deals` } }
      }
      default: return assertNever(metric, 'kpi metric')
    }
  }

  const now = figure({})
  const data: KpiData = { type: 'kpi', metric, ...now }
  if (c.comparePrevious) {
    const span = activeDateSpan(form.id, ctx)
    data.previous = span ? figure({ dateSpan: previousSpan(span) }).value : null
    data.change = data.previous === null || data.previous === undefined || now.value === null ? null : ratio(now.value - data.previous, Math.abs(data.previous))
  }
  if (c.target !== undefined) {
    data.target = c.target
    data.progress = now.value === null ? null : ratio(now.value, c.target)
  }
  return { status: 'ok', data }
}

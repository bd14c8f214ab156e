import type { Ratio } from '../metrics'
import type { FieldDef, FormDef, Label } from '../schema/types'
import { lossAnalysis, MS_PER_DAY, OUTCOME_LOST, OUTCOME_WON, ratio, summaryColumns, timeInStage, weightedPipeline } from '../metrics'
import { assertNever } from '../utils/assert-never'
import { labelText } from '../utils/label'
import type { ChartConfig, ChartType, DimensionConfig, StageMetricConfig } from './config-types'
import type { DashboardContext } from './context'
import type { ChartCategory, ChartSeries, WidgetResult } from './result-types'
import type { Resolver } from './resolve'
import type { ValueGroups } from './value-groups'
import { valueGroups } from './value-groups'
import { sortAndCut } from './sort-cut'
import { NUMERIC_TYPES } from '../fields'
import type { StageInput } from './stage-input'
import { stageInput } from './stage-input'
import { amountCurrency } from './amount-currency'

const UNKNOWN: Label = { 'zh-CN': '（未知）', 'en': '(unknown)' }
const EMPTY: Label = { 'zh-CN': '（空）', 'en': '(empty)' }

/** Label of a stored select value of `field` (loss reasons). */
function choiceLabel(field: FieldDef | undefined, value: string | null): Label {
  if (value === null) return EMPTY
  if (field?.type === 'select' || field?.type === 'multiselect') return field.options.choices.find(c => c.id === value)?.label ?? value
  return value
}

/** A stage label with the number of completed visits behind its figure on a second line: "Lead\n(12 visits)". */
function withVisits(label: Label, count: number): Label {
  return { 'zh-CN': `${labelText(label, 'zh-CN')}\n（${count} 次）`, 'en': `${labelText(label, 'en')}\n(${count} ${count === 1 ? 'visit' : 'visits'})` }
}

/**
 * Where the value axis of a time-in-stage chart ends when open visits (deals last touched years
 * ago) would dwarf the completed stays: 1.5 x the longest completed figure, when an open one is
 * more than 3 x that; undefined when nothing needs cutting.
 */
function openCap(completed: readonly (number | null)[], open: readonly (number | null)[]): number | undefined {
  const maxOf = (vs: readonly (number | null)[]) => Math.max(0, ...vs.filter((v): v is number => v !== null))
  const done = maxOf(completed)
  return done > 0 && maxOf(open) > 3 * done ? done * 1.5 : undefined
}

/**
 * Win rate (won / (won + lost), as core's winRate without a period) of each group of the
 * population's records by `dim`: won and lost counted once per value slot, then summed per group.
 */
function winRatesBy(input: StageInput, dim: DimensionConfig, form: FormDef, ctx: DashboardContext): { groups: ValueGroups['groups'], rates: Ratio[] } {
  const s = input.summary
  const vg = valueGroups(summaryColumns(input.records, s), input.population, dim, form, ctx)
  const won = new Int32Array(vg.slotCount)
  const lost = new Int32Array(vg.slotCount)
  // imported constants as locals: a module runner (the bench) reads an import through a getter
  const WON = OUTCOME_WON
  const LOST = OUTCOME_LOST
  const { outcome } = s
  for (let i = 0; i < s.count; i++) {
    const k = vg.slot[i] as number
    if (k < 0) continue
    const out = outcome[i]
    if (out === WON) won[k]!++
    else if (out === LOST) lost[k]!++
  }
  const rates = vg.slots.map((slots) => {
    let w = 0
    let l = 0
    for (const k of slots) {
      w += won[k] as number
      l += lost[k] as number
    }
    return ratio(w, w + l)
  })
  return { groups: vg.groups, rates }
}

/**
 * Charts of funnel figures: median (or mean, p90) days in each stage, lost deals by reason or
 * by stage lost from, win rate per group of a dimension, and open/weighted pipeline per stage.
 */
export function computeStageChart(type: ChartType, c: ChartConfig, m: StageMetricConfig, r: Resolver, form: FormDef | undefined, ctx: DashboardContext): WidgetResult {
  const field = r.stage(form, m.stageField, 'stageMetric.stageField', c.pipeline)
  const amount = m.kind === 'pipelineByStage' ? r.field(form, m.amountField, 'stageMetric.amountField', NUMERIC_TYPES) : undefined
  const dim = m.kind === 'winRateBy' ? r.column(form, c.dimension?.field, 'dimension.field') : undefined
  if (!r.ok || !form || !field) return { status: 'needsConfig', problems: r.problems }
  const input = stageInput(form, field, c, ctx, amount?.id)
  const stageLabel = (id: string | null): Label => (id === null ? UNKNOWN : field.options.stages.find(s => s.id === id)?.label ?? id)
  let categories: ChartCategory[]
  let series: ChartSeries[]
  let format: 'number' | 'money' | 'percent' | 'days' = 'number'
  let valueCap: number | undefined
  switch (m.kind) {
    case 'timeInStage': {
      const stat = m.stat ?? 'median'
      const stages = input.shared('timeInStage', () => timeInStage(input)).stages
      // each stage says how many completed visits its figure rests on
      categories = stages.map(s => ({ key: s.stageId, label: withVisits(s.label, s.completed.count) }))
      const days = (v: number | null): number | null => (v === null ? null : v / MS_PER_DAY)
      series = [
        { key: 'completed', label: { 'zh-CN': '已完成停留（天）', 'en': 'Completed stays (days)' }, values: stages.map(s => days(s.completed[stat])) },
        { key: 'open', label: { 'zh-CN': '仍在阶段中（天）', 'en': 'Still in stage (days)' }, values: stages.map(s => days(s.open[stat])) },
      ]
      valueCap = openCap(series[0]!.values, series[1]!.values)
      format = 'days'
      break
    }
    case 'lossReasons': {
      const reasonField = form.fields.find(f => f.id === field.options.lossReasonField)
      const groups = lossAnalysis(input).byReason
      categories = groups.map(g => ({ key: g.key, label: choiceLabel(reasonField, g.key) }))
      series = [{ key: null, label: { 'zh-CN': '输单数', 'en': 'Lost deals' }, values: groups.map(g => g.count) }]
      break
    }
    case 'lossStages': {
      const groups = lossAnalysis(input).byStage.filter(g => g.key !== null || g.count > 0)
      categories = groups.map(g => ({ key: g.key, label: stageLabel(g.key) }))
      series = [{ key: null, label: { 'zh-CN': '输单数', 'en': 'Lost deals' }, values: groups.map(g => g.count) }]
      break
    }
    case 'winRateBy': {
      if (!dim || !c.dimension) return { status: 'needsConfig', problems: r.problems }
      // the population is exactly the records passing the widget and dashboard filters
      const { groups, rates } = winRatesBy(input, c.dimension, form, ctx)
      categories = groups.map(g => ({ key: g.key, label: g.label }))
      series = [
        { key: 'rate', label: { 'zh-CN': '赢率', 'en': 'Win rate' }, values: rates },
      ]
      format = 'percent'
      break
    }
    case 'pipelineByStage': {
      const p = weightedPipeline(input)
      categories = p.stages.map(s => ({ key: s.stageId, label: stageLabel(s.stageId) }))
      series = [
        { key: 'amount', label: { 'zh-CN': '金额', 'en': 'Amount' }, values: p.stages.map(s => s.amount) },
        { key: 'weighted', label: { 'zh-CN': '加权金额', 'en': 'Weighted' }, values: p.stages.map(s => s.weighted) },
      ]
      format = 'money'
      break
    }
    default: return assertNever(m, 'stage metric')
  }
  const cut = sortAndCut(categories, series, c)
  const drillable = m.kind === 'lossReasons' || m.kind === 'winRateBy'
  const currency = format === 'money' ? amountCurrency(amount) : undefined
  const data = { type, categories: cut.categories, series: cut.series, format, stack: false, drillable, ...(currency === undefined ? {} : { currency }) }
  return { status: 'ok', data: valueCap === undefined ? data : { ...data, valueCap } }
}

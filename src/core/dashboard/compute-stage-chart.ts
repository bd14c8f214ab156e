import type { FieldDef, FormDef, Label } from '../schema/types'
import { lossAnalysis, MS_PER_DAY, timeInStage, weightedPipeline, winRate } from '../metrics'
import { assertNever } from '../utils/assert-never'
import type { ChartConfig, ChartType, StageMetricConfig } from './config-types'
import type { DashboardContext } from './context'
import type { ChartCategory, ChartSeries, WidgetResult } from './result-types'
import type { Resolver } from './resolve'
import { filteredRecords } from './dashboard-filters'
import { groupBy } from './grouping'
import { sortAndCut } from './sort-cut'
import { NUMERIC_TYPES } from './resolve'
import { stageInput } from './stage-input'

const UNKNOWN: Label = { 'zh-CN': '（未知）', 'en': '(unknown)' }
const EMPTY: Label = { 'zh-CN': '（空）', 'en': '(empty)' }

/** Label of a stored select value of `field` (loss reasons). */
function choiceLabel(field: FieldDef | undefined, value: string | null): Label {
  if (value === null) return EMPTY
  if (field?.type === 'select' || field?.type === 'multiselect') return field.options.choices.find(c => c.id === value)?.label ?? value
  return value
}

/**
 * Charts of funnel figures: median (or mean, p90) days in each stage, lost deals by reason or
 * by stage lost from, win rate per group of a dimension, and open/weighted pipeline per stage.
 */
export function computeStageChart(type: ChartType, c: ChartConfig, m: StageMetricConfig, r: Resolver, form: FormDef | undefined, ctx: DashboardContext): WidgetResult {
  const field = r.stage(form, m.stageField, 'stageMetric.stageField')
  const amount = m.kind === 'pipelineByStage' ? r.field(form, m.amountField, 'stageMetric.amountField', NUMERIC_TYPES) : undefined
  const dim = m.kind === 'winRateBy' ? r.column(form, c.dimension?.field, 'dimension.field') : undefined
  if (!r.ok || !form || !field) return { status: 'needsConfig', problems: r.problems }
  const input = stageInput(form, field, c, ctx, amount?.id)
  const stageLabel = (id: string | null): Label => (id === null ? UNKNOWN : field.options.stages.find(s => s.id === id)?.label ?? id)
  let categories: ChartCategory[]
  let series: ChartSeries[]
  let format: 'number' | 'money' | 'percent' | 'days' = 'number'
  switch (m.kind) {
    case 'timeInStage': {
      const stat = m.stat ?? 'median'
      const stages = timeInStage(input).stages
      categories = stages.map(s => ({ key: s.stageId, label: s.label }))
      const days = (v: number | null): number | null => (v === null ? null : v / MS_PER_DAY)
      series = [
        { key: 'completed', label: { 'zh-CN': '已完成停留（天）', 'en': 'Completed stays (days)' }, values: stages.map(s => days(s.completed[stat])) },
        { key: 'open', label: { 'zh-CN': '仍在阶段中（天）', 'en': 'Still in stage (days)' }, values: stages.map(s => days(s.open[stat])) },
      ]
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
      const groups = groupBy(filteredRecords(form, c.filter, ctx), c.dimension, form, ctx)
      categories = groups.map(g => ({ key: g.key, label: g.label }))
      const rates = groups.map((g) => {
        const members = new Set(g.records)
        return winRate({ ...input, options: { ...input.options, where: rec => members.has(rec) } })
      })
      series = [
        { key: 'rate', label: { 'zh-CN': '赢率', 'en': 'Win rate' }, values: rates.map(x => x.rate) },
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
  return { status: 'ok', data: { type, categories: cut.categories, series: cut.series, format, stack: false, drillable } }
}

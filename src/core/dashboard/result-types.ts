/** What computeWidget returns: the data a widget draws, or what it still needs. */
import type { Label, Locale } from '../schema/types'
import type { Ratio } from '../metrics/types'
import type { BreakdownRank, Proportion } from '../metrics/breakdown'
import type { WaterfallBarKey } from '../metrics/waterfall'
import type { ShownCategory } from '../metrics/forecast'
import type { ChartType, FunnelBasis, FunnelMode, KpiMetric } from './config-types'
import type { StageTargetData } from './stage-targets'

/** Why a widget cannot draw yet. `id` is the dangling reference, when there is one. */
export interface ConfigProblem {
  /** Config key at fault, e.g. 'formId', 'stageField', 'dimension.field', 'targets.formId'. */
  key: string
  reason: 'missing' | 'deletedForm' | 'deletedField' | 'wrongFieldType' | 'invalid' | 'endBeforeStart' | 'targetOutOfRange' | 'deletedStage'
  id?: string
  /** The field types that would do, for wrongFieldType. */
  expected?: string[]
  /**
   * What is wrong, named per locale (targetOutOfRange: "销售阶段 › 需求分析: 150 %"; deletedField and
   * deletedStage: the deleted field's or stage's label, when the form still records it).
   */
  detail?: Record<Locale, string>
}

/** How a number should read: a count, a money amount, a ratio (0..1) or days. */
export type ValueFormat = 'number' | 'money' | 'percent' | 'days'

/** A stage-named bottleneck (see core/metrics bottleneck). */
export interface BottleneckInfo {
  stageId: string
  toStageId: string
  rate: number
  sentence: { 'zh-CN': string, 'en': string }
}

export interface FunnelLayer {
  stageId: string
  label: Label
  kind: 'open' | 'won' | 'lost'
  count: number
  amount: number
  /** count or amount, per the widget's `value`. */
  value: number
  /** value / first layer's value; null in a snapshot (its layers are not nested). */
  pctOfFirst: Ratio
  /** next layer's value / this value; null on the last layer and in a snapshot. */
  pctToNext: Ratio
  /** Snapshot only: value / the sum of every layer's value (null in the other modes). */
  share: Ratio
}

export interface FunnelData {
  type: 'funnel'
  mode: FunnelMode
  /** What the date filter selected (a snapshot is always 'cohort': it shows now). */
  basis: FunnelBasis
  /** Which records the figures count, in words per locale (the card's subtitle). */
  subtitle: Record<Locale, string>
  value: 'count' | 'amount'
  layers: FunnelLayer[]
  /** The weakest step of this widget's own funnel (strict or any order); null for a snapshot. */
  bottleneck: BottleneckInfo | null
  /** Records looked at (after widget and dashboard filters). */
  population: number
  /** The currency (ISO code) of the amount field money figures add up: axes, tooltips and labels write its symbol. */
  currency?: string
  /** The stages with a target (stage field options), checked against this funnel; [] for a snapshot. */
  targets: StageTargetData[]
}

export interface ConversionStepData {
  from: string
  fromLabel: Label
  to: string
  toLabel: Label
  fromCount: number
  toCount: number
  rate: Ratio
}

export interface ConversionData {
  type: 'conversion'
  basis: FunnelBasis
  /** Which records the figures count, in words per locale (the card's subtitle). */
  subtitle: Record<Locale, string>
  steps: ConversionStepData[]
  /** won / first stage. */
  overall: Ratio
  bottleneck: BottleneckInfo | null
  /** The stages with a target, checked against this widget's funnel. */
  targets: StageTargetData[]
}

export interface KpiData {
  type: 'kpi'
  metric: KpiMetric
  value: number | null
  format: ValueFormat
  /** Same figure over the previous period; undefined when not asked, null when not computable. */
  previous?: number | null
  /** (value - previous) / |previous|. */
  change?: Ratio
  target?: number
  /** value / target. */
  progress?: Ratio
  /** The currency (ISO code) of the amount field money figures add up: axes, tooltips and labels write its symbol. */
  currency?: string
  /** A short explanation of the figure's inputs (e.g. "12 won / 20 closed"). */
  detail?: { 'zh-CN': string, 'en': string }
}

export interface ChartCategory {
  /** Group key; null = records with an empty value. */
  key: string | null
  label: Label
}

export interface ChartSeries {
  key: string | null
  label: Label
  /** One value per category; null = no data. */
  values: (number | null)[]
}

export interface ChartData {
  type: ChartType
  categories: ChartCategory[]
  series: ChartSeries[]
  format: ValueFormat
  /** The currency (ISO code) of the amount field money figures add up: axes, tooltips and labels write its symbol. */
  currency?: string
  /** Series stacked (bar/column/area). */
  stack: boolean
  /** Drill-through works on this chart's categories. */
  drillable: boolean
  /**
   * Where the value axis ends when a few values would dwarf the rest (time in stage: open visits
   * years old); larger values are drawn cut at it and labelled with their real value.
   */
  valueCap?: number
}

export interface TableData {
  type: 'table'
  columns: { field: string, label: Label }[]
  rows: { id: string, cells: string[] }[]
  /** Records matched before the row limit. */
  total: number
}

export interface PivotData {
  type: 'pivot'
  rowLabel: Label
  columnLabel: Label
  rows: ChartCategory[]
  columns: ChartCategory[]
  /** cells[row][column]. */
  cells: (number | null)[][]
  rowTotals: (number | null)[]
  columnTotals: (number | null)[]
  total: number | null
  format: ValueFormat
  /** The currency (ISO code) of the amount field money figures add up: axes, tooltips and labels write its symbol. */
  currency?: string
}

export interface TargetItem {
  key: string
  label: Label
  target: number
  actual: number
  progress: Ratio
}

export interface TargetProgressData {
  type: 'targetProgress'
  by: 'owner' | 'month'
  items: TargetItem[]
  total: TargetItem
  format: ValueFormat
  /** The currency (ISO code) of the amount field money figures add up: axes, tooltips and labels write its symbol. */
  currency?: string
}

export interface ReverseFunnelData {
  type: 'reverseFunnel'
  goal: number
  averageWonAmount: number | null
  wonNeeded: number | null
  steps: { stageId: string, label: Label, current: number, needed: number | null, rateToWon: Ratio }[]
  /** Currency of the amount field (the goal and average won amount are written with its symbol). */
  currency?: string
}

/** One bar of a pipeline waterfall. */
export interface WaterfallBarData {
  key: WaterfallBarKey
  label: Label
  count: number
  /** Signed amount (see core/metrics pipelineWaterfall). */
  amount: number
  /** What the bar draws: the start or end level, or the signed change (count or amount per the widget's `value`). */
  value: number
}

export interface WaterfallData {
  type: 'waterfall'
  value: 'count' | 'amount'
  /** Inclusive days of the window. */
  from: string
  to: string
  /** The window in words per locale (the card's subtitle). */
  subtitle: Record<Locale, string>
  bars: WaterfallBarData[]
  /** Currency of the amount field, by amount (bars are written with its symbol). */
  currency?: string
}

/** One row of a breakdown table: a value of the group field (or the whole population). */
export interface BreakdownRowData {
  /** Option id, member id or linked record id; null = no value; '*' = the total row. */
  key: string | null
  label: Label
  /** Records of the row in the funnel population (the row's sample size). */
  records: number
  conversion: Proportion
  winRate: Proportion
  /** Median days and how many values it rests on. */
  days: { count: number, median: number | null }
  /** Best or worst row by the widget's `rankBy` (only rows with enough behind them; never the total). */
  mark: 'best' | 'worst' | null
}

export interface BreakdownData {
  type: 'breakdown'
  /** The group field's label (the first column's header). */
  groupLabel: Label
  /** The conversion column: from this step to that one. */
  fromLabel: Label
  toLabel: Label
  /** 'stage': days in `fromLabel` (completed visits); 'cycle': days from entry to won (won deals). */
  daysKind: 'stage' | 'cycle'
  rankBy: BreakdownRank
  basis: FunnelBasis
  subtitle: Record<Locale, string>
  /** Most records first, at most {@link BREAKDOWN_MAX_ROWS}. */
  rows: BreakdownRowData[]
  /** Groups left out past the row limit. */
  hiddenRows: number
  total: BreakdownRowData
}

/** Rows a breakdown table shows at most. */
export const BREAKDOWN_MAX_ROWS = 30

/** One month of a forecast chart. */
export interface ForecastMonthData {
  /** 'YYYY-MM'. */
  key: string
  label: Label
  amounts: Record<ShownCategory, number>
  counts: Record<ShownCategory, number>
  total: number
  /** The month's target; null when no target names it. */
  target: number | null
}

export interface ForecastData {
  type: 'forecast'
  /** The amount field's currency (ISO code), for the ¥ of every figure. */
  currency?: string
  /** Stacking order, bottom first, with each category's total over the months shown. */
  stack: { key: ShownCategory, label: Label, amount: number, count: number }[]
  months: ForecastMonthData[]
  hasTargets: boolean
  /** Deals left out: without a date, and omitted ones. */
  undated: number
  omitted: number
  /** The weighted pipeline of the same deals (each deal's own probability). */
  weighted: { weighted: number, amount: number, count: number }
}

export interface TextData {
  type: 'text' | 'heading'
  text: Label
}

/** The data of a widget, discriminated by `type`. */
export type WidgetData
  = | FunnelData | ConversionData | KpiData | ChartData | TableData | PivotData
    | TargetProgressData | ReverseFunnelData | WaterfallData | BreakdownData | ForecastData | TextData

/** computeWidget's answer. */
export type WidgetResult
  = | { status: 'ok', data: WidgetData }
    | { status: 'needsConfig', problems: ConfigProblem[] }

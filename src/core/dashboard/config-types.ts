/**
 * Typed widget configurations: the `config` of each WidgetDef variant, per widget `type`
 * (`WidgetDef` in src/core/schema/types.ts is built from {@link WidgetConfigs}).
 * dashboard.schema.json validates the same shapes (tests keep the two in sync).
 */
import type { Filter } from '../schema/filter'
import type { BreakdownRank } from '../metrics/breakdown'
import type { Label, SortKey, WidgetDef } from '../schema/types'

/** Calendar bucket for a date dimension. */
export type DateBucketUnit = 'day' | 'week' | 'month' | 'quarter' | 'year'

/** What a widget reads: one form, optionally narrowed by a widget filter (shared filter language). */
export interface SourceConfig {
  formId?: string
  filter?: Filter
}

/** The source of a widget over a stage field. */
export interface StageSourceConfig extends SourceConfig {
  /**
   * For a stage field that splits by pipeline: the pipeline option shown (its stages and
   * records only). @default the field's first pipeline
   */
  pipeline?: string
}

/** A figure over records: how many, or sum/avg/min/max of a number field. */
export type MeasureConfig
  = | { fn: 'count' }
    | { fn: 'sum' | 'avg' | 'min' | 'max', field: string }

/** A grouping: a field (or system column), with a bucket when it is a date. */
export interface DimensionConfig {
  field: string
  bucket?: DateBucketUnit
}

/** Funnel: reached-at-least (cumulative, any order), strict (in order) or snapshot (now). */
export type FunnelMode = 'cumulative' | 'strict' | 'snapshot'

/**
 * What the dashboard date filter selects for a funnel or conversion widget (HubSpot's two funnel
 * kinds): `cohort` = the records whose date (the filter's target field, e.g. created) lies in the
 * period, followed to wherever they got; `period` = the stage entries made in the period, by
 * whichever records made them (core's `activity` mode).
 */
export type FunnelBasis = 'cohort' | 'period'

export interface FunnelConfig extends StageSourceConfig {
  stageField?: string
  /** @default 'cumulative' */
  mode?: FunnelMode
  /** Ignored by a snapshot (it shows now). @default 'cohort' */
  basis?: FunnelBasis
  /** Layer size: record count, or the sum of `amountField`. @default 'count' */
  value?: 'count' | 'amount'
  amountField?: string
}

export interface ConversionConfig extends StageSourceConfig {
  stageField?: string
  /** @default 'cumulative' */
  mode?: Exclude<FunnelMode, 'snapshot'>
  /** @default 'cohort' */
  basis?: FunnelBasis
}

/** The figure a KPI card shows. */
export type KpiMetric = 'measure' | 'winRate' | 'weightedPipeline' | 'salesVelocity' | 'averageCycleDays'

export interface KpiConfig extends StageSourceConfig {
  /** @default 'measure' */
  metric?: KpiMetric
  /** For metric 'measure'. @default { fn: 'count' } */
  measure?: MeasureConfig
  /** For the funnel metrics. */
  stageField?: string
  /** Amount for weighted pipeline and sales velocity. */
  amountField?: string
  /** Compare with the same-length period before the dashboard's date filter. */
  comparePrevious?: boolean
  /** A goal for the figure; the card shows the share reached. */
  target?: number
}

/** A funnel figure per stage (or per group) drawn as a chart instead of a record measure. */
export type StageMetricConfig
  = | { kind: 'timeInStage', stageField: string, stat?: 'median' | 'mean' | 'p90' }
    | { kind: 'lossReasons', stageField: string }
    | { kind: 'lossStages', stageField: string }
    | { kind: 'winRateBy', stageField: string }
    | { kind: 'pipelineByStage', stageField: string, amountField: string }

/** Bar, column, line, area, pie and donut charts. */
export interface ChartConfig extends StageSourceConfig {
  dimension?: DimensionConfig
  /** @default { fn: 'count' } */
  measure?: MeasureConfig
  /** A second grouping: one series per value (not for pie/donut). */
  series?: DimensionConfig
  /** Bars stacked instead of side by side. */
  stack?: boolean
  /** @default 'dimension' */
  sort?: 'dimension' | 'valueDesc' | 'valueAsc'
  /** Keep only the N largest categories (after sorting). */
  topN?: number
  /** Draw a funnel figure instead of `measure`. `winRateBy` groups by `dimension`. */
  stageMetric?: StageMetricConfig
}

export interface TableConfig extends StageSourceConfig {
  /**
   * 'records': filtered records; 'stalled': open deals past their stage's limit; 'promising': the
   * open deals with the highest score (most promising leads) with why. @default 'records'
   */
  preset?: 'records' | 'stalled' | 'promising'
  /** Stage field, for the 'stalled' and 'promising' presets (promising: the form's first stage field when unset). */
  stageField?: string
  /** Score field, for the 'promising' preset. @default the form's first score field */
  scoreField?: string
  /** Field ids shown, in order. @default the first 5 fields */
  columns?: string[]
  sort?: SortKey[]
  /** @default 20 */
  limit?: number
}

export interface PivotConfig extends SourceConfig {
  rows?: DimensionConfig
  columns?: DimensionConfig
  /** @default { fn: 'count' } */
  measure?: MeasureConfig
}

/** Where targets come from: one record per owner and month with an amount. */
export interface TargetsSourceConfig {
  formId?: string
  amountField?: string
  ownerField?: string
  monthField?: string
}

export interface TargetProgressConfig extends SourceConfig {
  /** Actual figure, e.g. sum of the amount of won deals. @default { fn: 'count' } */
  measure?: MeasureConfig
  /** Date of an actual record (e.g. close date): it counts toward that month's target. */
  dateField?: string
  /** Owner of an actual record. */
  ownerField?: string
  /** @default 'owner' */
  by?: 'owner' | 'month'
  targets?: TargetsSourceConfig
}

export interface ReverseFunnelConfig extends StageSourceConfig {
  stageField?: string
  amountField?: string
  /** Revenue goal. */
  goal?: number
}

/** Pipeline waterfall between two days: open at start, ins and outs, open at end. */
export interface WaterfallConfig extends StageSourceConfig {
  stageField?: string
  amountField?: string
  /** Bar size: record count, or the sum of `amountField`. @default 'count' */
  value?: 'count' | 'amount'
  /** First day 'YYYY-MM-DD' (inclusive). @default the dashboard date filter's first day, else the first of this month */
  from?: string
  /** Last day 'YYYY-MM-DD' (inclusive). @default the dashboard date filter's last day, else today */
  to?: string
}

/** Conversion, win rate and time in stage per value of a select, member or relation field (a table). */
export interface BreakdownConfig extends StageSourceConfig {
  stageField?: string
  /** The field whose values make the rows (select, multiselect, member or relation). */
  groupField?: string
  /**
   * An open stage: conversion from it to the next step and the days spent in it.
   * @default none: from the first step to won, and the sales cycle of won deals
   */
  stage?: string
  /** What the dashboard date filter selects (as on funnel widgets). @default 'cohort' */
  basis?: FunnelBasis
  /** The figure that picks the best and worst rows. @default 'conversion' */
  rankBy?: BreakdownRank
}

/** Forecast by category and period: amounts per month of expected close, stacked by forecast category, with the target line. */
export interface ForecastConfig extends StageSourceConfig {
  stageField?: string
  amountField?: string
  /** The expected close date of open deals. */
  dateField?: string
  /** The closed date of won deals. @default dateField */
  closedDateField?: string
  /** Monthly targets (summed per month) drawn as a line. */
  targets?: Pick<TargetsSourceConfig, 'formId' | 'amountField' | 'monthField'>
}

export interface TextConfig {
  text?: Label
}

/** The typed config of each widget type. */
export interface WidgetConfigs {
  funnel: FunnelConfig
  conversion: ConversionConfig
  kpi: KpiConfig
  bar: ChartConfig
  column: ChartConfig
  line: ChartConfig
  area: ChartConfig
  pie: ChartConfig
  donut: ChartConfig
  table: TableConfig
  pivot: PivotConfig
  targetProgress: TargetProgressConfig
  reverseFunnel: ReverseFunnelConfig
  waterfall: WaterfallConfig
  breakdown: BreakdownConfig
  forecast: ForecastConfig
  text: TextConfig
  heading: TextConfig
}

export type WidgetType = keyof WidgetConfigs
/** Chart types drawn from grouped records. */
export type ChartType = 'bar' | 'column' | 'line' | 'area' | 'pie' | 'donut'
export const CHART_TYPES: readonly ChartType[] = ['bar', 'column', 'line', 'area', 'pie', 'donut']

/** True for the chart types drawn from grouped records. */
export function isChartType(type: WidgetType): type is ChartType {
  return (CHART_TYPES as readonly string[]).includes(type)
}

/** The chart config of a chart-type widget, else undefined. */
export function chartConfigOf(w: WidgetDef): ChartConfig | undefined {
  switch (w.type) {
    case 'bar': case 'column': case 'line': case 'area': case 'pie': case 'donut': return w.config
    default: return undefined
  }
}

/** The form a widget reads (undefined for text and heading widgets, or when none is chosen). */
export function sourceFormId(w: WidgetDef): string | undefined {
  switch (w.type) {
    case 'text': case 'heading': return undefined
    default: return w.config.formId
  }
}

/** Every form a widget reads: its source form and, for target progress, its targets form. */
export function widgetFormIds(w: WidgetDef): string[] {
  const ids = [sourceFormId(w), w.type === 'targetProgress' || w.type === 'forecast' ? w.config.targets?.formId : undefined]
  return ids.filter((id): id is string => typeof id === 'string')
}

/** A field whose changes across a whole form a widget reads. */
export interface ChangeFieldRef {
  formId: string
  fieldId: string
}

/**
 * The fields whose whole-form change log a widget reads: a waterfall's amount field (its
 * "± amount changes" bar and the amounts at the window's start). Dashboards load only these.
 */
export function widgetChangeFields(w: WidgetDef): ChangeFieldRef[] {
  if (w.type !== 'waterfall' || !w.config.formId || !w.config.amountField) return []
  return [{ formId: w.config.formId, fieldId: w.config.amountField }]
}

/** What a widget is computed from: the workspace data a dashboard can see, and the filter values. */
import type { ChangeEntry, DashboardFilterDef, FormDef, Locale, Member, RecordRow } from '../schema/types'
import type { StageEventSource } from '../events'

/** The value of a dashboard date filter. */
export interface DateRangeValue {
  preset: DatePreset
  /** 'YYYY-MM-DD', inclusive; for 'custom'. */
  from?: string
  /** 'YYYY-MM-DD', inclusive; for 'custom'. */
  to?: string
}

/** Date filter presets; 'all' means no date restriction. */
export type DatePreset
  = | 'all' | 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'lastQuarter' | 'thisYear' | 'lastYear'
    | 'last30Days' | 'last90Days' | 'custom'

export const DATE_PRESETS: readonly DatePreset[] = [
  'all', 'thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear', 'last30Days', 'last90Days', 'custom',
]

/**
 * A dashboard filter's current value: a date range for 'dateRange', chosen ids (members or
 * options) for 'member' and 'select'. Undefined or an empty list: the filter is off.
 */
export type DashboardFilterValue = DateRangeValue | string[]

/** Everything computeWidget reads. Pure data: build it once per render from the stores. */
export interface DashboardContext {
  forms: readonly FormDef[]
  /** Live records per form id. */
  records: Readonly<Record<string, readonly RecordRow[]>>
  /** Stage events per form id (the history store's columns). */
  events: Readonly<Record<string, StageEventSource>>
  /**
   * Change entries of a field across a whole form, per form id then field id, for the fields
   * the widgets ask for (`widgetChangeFields`: a waterfall's amount field). Missing: no changes
   * known, so amounts read as their current values.
   */
  fieldChanges?: Readonly<Record<string, Readonly<Record<string, readonly ChangeEntry[]>>>>
  members: readonly Member[]
  /** The dashboard's filters. */
  filters: readonly DashboardFilterDef[]
  /** Current filter values by filter id (missing: the filter's default, else off). */
  filterValues: Readonly<Record<string, DashboardFilterValue | undefined>>
  /** "Now", epoch ms: relative date presets and open-visit ages. */
  now: number
  /** Locale for table cell text. @default 'zh-CN' */
  locale?: Locale
  currentMemberId?: string
  /**
   * Changes whenever any record array above is edited in place (the records store's version).
   * Stage summaries are cached by it; without it, by this context object (one computation).
   */
  dataVersion?: number
}

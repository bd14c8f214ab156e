import type { StageEventSource } from '../events'
import type { FieldOf, RecordRow } from '../schema/types'
import type { StageSummary } from './summary'

/** A time window, epoch ms, half-open: `from <= t < to`. A missing bound is open-ended. */
export interface Period {
  from?: number
  to?: number
}

/**
 * Which records a metric looks at.
 * - `cohort` (default): records whose funnel entry time (summary `entryAt`: first stage event,
 *   or creation time) lies in the period, followed over their whole history.
 * - `activity`: only the stage visits that started in the period (and, for outcomes, records
 *   closed in the period).
 */
export type MetricMode = 'cohort' | 'activity'

/** Options shared by every metric. */
export interface MetricOptions {
  /** @default no period: everything */
  period?: Period
  /** @default 'cohort' */
  mode?: MetricMode
  /** Number/money field summed for amounts. Without it, amounts are 0. */
  amountField?: string
  /** Keeps a record only when it returns true (the caller's filter, owner, source ...). */
  where?: (record: RecordRow) => boolean
  /** "Now" for open-visit ages and stalled checks. @default Date.now() */
  now?: number
  /** Per-record probability override 0..100. @default field.options.probabilityField */
  probabilityField?: string
}

/** Input of every metric. Pass a precomputed `summary` to avoid rebuilding it per call. */
export interface MetricInput {
  records: readonly RecordRow[]
  /** The form's stage events: the history store's columns, or objects (converted per summary). */
  events: StageEventSource
  field: FieldOf<'stage'>
  options?: MetricOptions
  /**
   * summarizeStageHistory(records, events, field), reused across metrics. It must describe
   * `records` as they are now: number columns (amounts, probabilities) read from `records`
   * are cached with it, so rebuild it (or use a versioned cache) after a write.
   */
  summary?: StageSummary
  /**
   * 1 where the record passes `options.where`, indexed like `records`; when given, `where`
   * is not called (callers computing several metrics over one population share it).
   */
  population?: Uint8Array
}

/** A ratio; null means "no data" (zero denominator), shown as '—'. */
export type Ratio = number | null

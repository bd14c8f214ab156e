import type { RecordRow } from '../schema/types'
import type { MetricInput, MetricMode, Period } from './types'
import type { StageSummary } from './summary'
import { summarizeStageHistory } from './summary'

/** A metric input resolved once: summary built (or reused), defaults applied, predicate evaluated. */
export interface MetricContext {
  readonly input: MetricInput
  readonly summary: StageSummary
  readonly mode: MetricMode
  /** Undefined when there is no period (or both bounds are missing). */
  readonly period: Period | undefined
  readonly now: number
  /** 1 where the caller's `where` predicate keeps the record. */
  readonly kept: Uint8Array
}

/** Resolves a {@link MetricInput}; metrics call this first. */
export function metricContext(input: MetricInput): MetricContext {
  const o = input.options ?? {}
  const summary = input.summary ?? summarizeStageHistory(input.records, input.events, input.field)
  const kept = input.population ?? populationOf(input.records, o.where)
  const p = o.period
  const period = p === undefined || (p.from === undefined && p.to === undefined) ? undefined : p
  return { input, summary, mode: o.mode ?? 'cohort', period, now: o.now ?? Date.now(), kept }
}

/** 1 where `where` keeps the record (all 1 without a predicate), indexed like `records`. */
export function populationOf(records: readonly RecordRow[], where: ((record: RecordRow) => boolean) | undefined): Uint8Array {
  const kept = new Uint8Array(records.length)
  if (where === undefined) kept.fill(1)
  else for (let i = 0; i < kept.length; i++) kept[i] = where(records[i] as RecordRow) ? 1 : 0
  return kept
}

/** True when `t` lies in the half-open period (always true without a period; NaN never). */
export function inPeriod(t: number, period: Period | undefined): boolean {
  if (period === undefined) return true
  if (Number.isNaN(t)) return false
  return (period.from === undefined || t >= period.from) && (period.to === undefined || t < period.to)
}

import { metricContext } from './context'
import { currentMask } from './population'
import { MS_PER_DAY } from './stage-model'
import { OUTCOME_OPEN } from './summary'
import type { MetricInput } from './types'

/** An open record past its stage's "stalled after N days" threshold. */
export interface StalledRecord {
  recordId: string
  /** Index of the record in the input's `records`. */
  recordIndex: number
  stageId: string
  /** Time in the current stage, in days (now - entry into it). */
  days: number
  thresholdDays: number
}

/**
 * Stalled records: open records whose time in their current stage exceeds the stage's
 * `stalledAfterDays` (stages without one never stall), longest first.
 */
export function stalledRecords(input: MetricInput): StalledRecord[] {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const mask = currentMask(ctx, OUTCOME_OPEN)
  const out: StalledRecord[] = []
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const code = s.current[i] as number
    const limit = model.stalledMs[code] as number
    const age = ctx.now - (s.currentSince[i] as number)
    if (age > limit) {
      out.push({ recordId: input.records[i]?.id ?? '', recordIndex: i, stageId: model.ids[code] ?? '', days: age / MS_PER_DAY, thresholdDays: limit / MS_PER_DAY })
    }
  }
  return out.sort((a, b) => b.days - a.days)
}

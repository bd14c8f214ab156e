import { inPeriod, metricContext } from './context'
import { funnelPopulation } from './population'
import type { MetricInput } from './types'

/** Completed visits per open stage and how many lasted longer than a limit. */
export interface VisitsOver {
  /** Per open ordinal: completed visits counted. */
  done: Uint32Array
  /** Per open ordinal: of them, visits longer than the stage's limit (0 where it has none). */
  over: Uint32Array
}

/**
 * Counts completed visits per open stage over the same visits as timeInStage (cohort: every visit
 * of the population's records; activity: visits started in the period), and those longer than
 * `limitMs[ordinal]` (NaN: no limit).
 */
export function visitsOver(input: MetricInput, limitMs: Float64Array): VisitsOver {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const mask = funnelPopulation(ctx).mask
  const activity = ctx.mode === 'activity' ? ctx.period : undefined
  const done = new Uint32Array(model.openCount)
  const over = new Uint32Array(model.openCount)
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    for (let v = s.visitOffset[i] as number; v < (s.visitOffset[i + 1] as number); v++) {
      const o = model.ordinal[s.visitStage[v] as number] as number
      const enter = s.visitEnter[v] as number
      const exit = s.visitExit[v] as number
      if (o < 0 || Number.isNaN(exit) || !inPeriod(enter, activity)) continue
      done[o]!++
      if (exit - enter > (limitMs[o] as number)) over[o]!++
    }
  }
  return { done, over }
}

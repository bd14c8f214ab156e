import type { MetricContext } from './context'
import { metricContext } from './context'
import { closedMask } from './population'
import { MS_PER_DAY } from './stage-model'
import type { Distribution } from './stats'
import { distribution, scaleDistribution } from './stats'
import type { MetricInput } from './types'

/** Sales cycle of won records. */
export interface SalesCycle {
  /** Won records measured. */
  count: number
  ms: Distribution
  days: Distribution
  /** Won records in the period without a won time (no stage events): not measured. */
  unknown: number
}

/**
 * Sales cycle of a won record = its won event minus its entry into the funnel (first stage
 * event; creation time when the first event has a `from`). Over records won in the period.
 */
export function salesCycle(input: MetricInput): SalesCycle {
  return salesCycleOf(metricContext(input))
}

/** {@link salesCycle} on a resolved context (shared with sales velocity). */
export function salesCycleOf(ctx: MetricContext): SalesCycle {
  const s = ctx.summary
  const { mask, undated } = closedMask(ctx, 'won')
  const values = new Float64Array(s.count)
  let k = 0
  let unknown = undated
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const d = (s.closedAt[i] as number) - (s.entryAt[i] as number)
    if (Number.isNaN(d)) unknown++
    else values[k++] = d
  }
  const ms = distribution(values, k)
  return { count: k, ms, days: scaleDistribution(ms, 1 / MS_PER_DAY), unknown }
}

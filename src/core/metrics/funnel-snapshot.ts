import type { Label } from '../schema/types'
import { inputColumn, maskedSum } from './columns'
import { metricContext } from './context'
import { currentMask } from './population'
import type { MetricInput } from './types'

/** Records currently in one stage. */
export interface SnapshotStage {
  stageId: string
  label: Label
  kind: 'open' | 'won' | 'lost'
  count: number
  /** Sum of `amountField` (0 without one; missing values skipped). */
  amount: number
}

/** Snapshot funnel: where records are now, one entry per stage option (open, won and lost). */
export interface SnapshotFunnel {
  stages: SnapshotStage[]
  /** Records in the population (all stages). */
  total: number
  totalAmount: number
}

/**
 * Snapshot funnel: count and amount of records per current stage. The period applies only in
 * cohort mode (records that entered the funnel in it); records without a stage are left out.
 */
export function snapshotFunnel(input: MetricInput): SnapshotFunnel {
  const ctx = metricContext(input)
  const s = ctx.summary
  const mask = currentMask(ctx)
  const amounts = inputColumn(input, input.options?.amountField)
  const m = s.model.ids.length
  const counts = new Float64Array(m)
  const sums = new Float64Array(m)
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const c = s.current[i] as number
    counts[c]!++
    const a = amounts[i] as number
    if (a === a) sums[c]! += a
  }
  const stages = input.field.options.stages.map((opt, c): SnapshotStage => ({
    stageId: opt.id,
    label: opt.label,
    kind: opt.kind,
    count: counts[c] as number,
    amount: sums[c] as number,
  }))
  return { stages, total: stages.reduce((t, x) => t + x.count, 0), totalAmount: maskedSum(amounts, mask) }
}

import { inputColumn } from './columns'
import { cumulativeFunnel } from './funnel'
import type { MetricContext } from './context'
import { metricContext } from './context'
import { closedMask } from './population'
import { ratio } from './ratio'
import { OUTCOME_WON } from './summary'
import type { MetricInput, Ratio } from './types'

/** Records needed at one funnel step to reach the goal. */
export interface ReverseStep {
  stageId: string
  /** reached(k) now, for comparison. */
  current: number
  /** won / reached(k) now. */
  rateToWon: Ratio
  /** ceil(won needed / rateToWon); null when the rate is null or 0. */
  needed: number | null
}

/** Reverse (planning) funnel for a revenue goal. */
export interface ReverseFunnel {
  goal: number
  /** Mean amount of records won in the period; null when none. */
  averageWonAmount: number | null
  /** ceil(goal / average won amount); null without an average. */
  wonNeeded: number | null
  /** S1..Sn then won. */
  steps: ReverseStep[]
}

/**
 * Reverse funnel: with the current any-order conversions and the average won amount,
 * how many records each stage needs for `goal` revenue.
 */
export function reverseFunnel(input: MetricInput, goal: number): ReverseFunnel {
  const ctx = metricContext(input)
  const s = ctx.summary
  const averageWonAmount = averageWonAmountOf(ctx)
  const wonNeeded = averageWonAmount === null || averageWonAmount <= 0 ? null : Math.ceil(goal / averageWonAmount)
  const funnel = cumulativeFunnel({ ...input, summary: s })
  const wonCount = funnel.steps.find(st => st.kind === 'won')?.count ?? 0
  const steps = funnel.steps.map((st): ReverseStep => {
    const rateToWon = ratio(wonCount, st.count)
    // wonNeeded / (won / reached) computed on integers, so 3 / (1/3) is exactly 9
    const needed = wonNeeded === null || rateToWon === null || rateToWon === 0 ? null : Math.ceil(wonNeeded * st.count / wonCount)
    return { stageId: st.stageId, current: st.count, rateToWon, needed }
  })
  return { goal, averageWonAmount, wonNeeded, steps }
}

/** Mean `amountField` of the records won in the period (missing amounts skipped); null when none. */
export function averageWonAmountOf(ctx: MetricContext): number | null {
  const s = ctx.summary
  const won = closedMask(ctx, 'won').mask
  const amounts = inputColumn(ctx.input, ctx.input.options?.amountField)
  let k = 0
  let sum = 0
  for (let i = 0; i < s.count; i++) {
    const a = amounts[i] as number
    if (won[i] === 1 && s.outcome[i] === OUTCOME_WON && a === a) {
      k++
      sum += a
    }
  }
  return k === 0 ? null : sum / k
}

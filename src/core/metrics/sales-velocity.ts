import { inputColumn } from './columns'
import { metricContext } from './context'
import { closedMask, currentMask } from './population'
import { salesCycleOf } from './sales-cycle'
import { OUTCOME_LOST, OUTCOME_OPEN, OUTCOME_WON } from './summary'
import type { Ratio } from './types'
import type { MetricInput } from './types'

// Imported constants as module locals for the loop below (see summary.ts).
const WON = OUTCOME_WON
const LOST = OUTCOME_LOST

/** Sales velocity and its four factors. */
export interface SalesVelocity {
  openDeals: number
  /** Mean amount of records won in the period (those with an amount); null when none. */
  averageWonAmount: number | null
  winRate: Ratio
  /** Mean sales cycle of records won in the period, in days; null when none. */
  averageCycleDays: number | null
  /** Expected won amount per day; null when a factor is missing or the cycle is 0 days. */
  perDay: number | null
}

/** sales velocity = open deals x average won amount x win rate / average cycle days. */
export function salesVelocity(input: MetricInput): SalesVelocity {
  const ctx = metricContext(input)
  const s = ctx.summary
  const open = currentMask(ctx, OUTCOME_OPEN)
  let openDeals = 0
  for (let i = 0; i < s.count; i++) openDeals += open[i] as number
  const closed = closedMask(ctx, 'both').mask
  const amounts = inputColumn(input, input.options?.amountField)
  let won = 0
  let lost = 0
  let wonWithAmount = 0
  let wonSum = 0
  const { outcome } = s
  for (let i = 0; i < s.count; i++) {
    if (closed[i] !== 1) continue
    if (outcome[i] === LOST) {
      lost++
      continue
    }
    if (outcome[i] !== WON) continue
    won++
    const a = amounts[i] as number
    if (a === a) {
      wonWithAmount++
      wonSum += a
    }
  }
  const averageWonAmount = wonWithAmount === 0 ? null : wonSum / wonWithAmount
  const winRate = won + lost === 0 ? null : won / (won + lost)
  const averageCycleDays = salesCycleOf(ctx).days.mean
  const perDay = averageWonAmount === null || winRate === null || averageCycleDays === null || averageCycleDays === 0
    ? null
    : openDeals * averageWonAmount * winRate / averageCycleDays
  return { openDeals, averageWonAmount, winRate, averageCycleDays, perDay }
}

import { inputColumn } from './columns'
import { metricContext } from './context'
import { closedMask } from './population'
import { ratio } from './ratio'
import { OUTCOME_WON } from './summary'
import type { MetricInput, Ratio } from './types'

// Imported constant as a module local for the loop below (see summary.ts).
const WON = OUTCOME_WON

/** Win rate over records closed in the period. */
export interface WinRate {
  won: number
  lost: number
  /** won / (won + lost); null when nothing closed. */
  rate: Ratio
  wonAmount: number
  lostAmount: number
  /** Same ratio by amount. */
  amountRate: Ratio
  /** Closed records left out because their closing time is unknown while a period is set. */
  undated: number
}

/** win rate = won / (won + lost), over records whose won/lost event lies in the period (both modes). */
export function winRate(input: MetricInput): WinRate {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { mask, undated } = closedMask(ctx, 'both')
  const amounts = inputColumn(input, input.options?.amountField)
  let won = 0
  let lost = 0
  let wonAmount = 0
  let lostAmount = 0
  const { outcome } = s
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const a = amounts[i] as number
    if (outcome[i] === WON) {
      won++
      if (a === a) wonAmount += a
    }
    else {
      lost++
      if (a === a) lostAmount += a
    }
  }
  return { won, lost, rate: ratio(won, won + lost), wonAmount, lostAmount, amountRate: ratio(wonAmount, wonAmount + lostAmount), undated }
}

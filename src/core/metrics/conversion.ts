import type { Funnel } from './funnel'
import { cumulativeFunnel, strictFunnel } from './funnel'
import { ratio } from './ratio'
import type { MetricInput, Ratio } from './types'

/** Conversion from one funnel step to the next. */
export interface StepConversion {
  from: string
  to: string
  /** reached(k + 1) / reached(k) by count. */
  rate: Ratio
  /** Same, by amount. */
  amountRate: Ratio
}

/** Conversion rates of a funnel. */
export interface Conversion {
  funnel: Funnel
  /** k -> k + 1 for k = 1..(last step - 1); the last one is Sn -> won. */
  steps: StepConversion[]
  /** Per step: reached(k) / reached(1). */
  cumulative: { stageId: string, rate: Ratio }[]
  /** won / reached(1); null without a won stage or an empty funnel. */
  overall: Ratio
}

/** Conversion rates computed from a funnel (pure; no records needed). */
export function conversionFromFunnel(funnel: Funnel): Conversion {
  const st = funnel.steps
  const first = st[0]
  const steps: StepConversion[] = []
  for (let k = 0; k + 1 < st.length; k++) {
    const a = st[k]!
    const b = st[k + 1]!
    steps.push({ from: a.stageId, to: b.stageId, rate: ratio(b.count, a.count), amountRate: ratio(b.amount, a.amount) })
  }
  const won = st.find(s => s.kind === 'won')
  return {
    funnel,
    steps,
    cumulative: st.map(s => ({ stageId: s.stageId, rate: ratio(s.count, first?.count ?? 0) })),
    overall: won === undefined ? null : ratio(won.count, first?.count ?? 0),
  }
}

/** Stage, cumulative and overall conversion of the any-order funnel (or the strict one). */
export function conversion(input: MetricInput, funnelKind: Funnel['kind'] = 'anyOrder'): Conversion {
  return conversionFromFunnel(funnelKind === 'strict' ? strictFunnel(input) : cumulativeFunnel(input))
}

import type { Label } from '../schema/types'
import { inputColumn } from './columns'
import { metricContext } from './context'
import { funnelPopulation } from './population'
import type { MetricInput } from './types'

/** One step of a reached-at-least funnel: S1..Sn, then won. */
export interface FunnelStep {
  stageId: string
  label: Label
  kind: 'open' | 'won'
  /** reached(k): records whose (any-order or strict) depth is at least this step. */
  count: number
  /** Sum of `amountField` over those records (missing values skipped). */
  amount: number
}

/** A reached-at-least funnel. */
export interface Funnel {
  kind: 'anyOrder' | 'strict'
  steps: FunnelStep[]
  /** Lost records in the population whose lost-from stage is unknown; counted at S1 only. */
  lostUnknown: number
}

/**
 * Cumulative any-order funnel: reached(k) = records whose highest stage reached is >= Sk
 * (skipped stages count as passed; won reaches every stage). The last step is won, when
 * the field has a won stage.
 */
export function cumulativeFunnel(input: MetricInput): Funnel {
  return buildFunnel(input, 'anyOrder')
}

/** Strict funnel: reached(k) = records that entered S1..Sk each at least once, in that order. */
export function strictFunnel(input: MetricInput): Funnel {
  return buildFunnel(input, 'strict')
}

/**
 * The records a funnel counts and the depth each reached (any-order or strict), for the input's
 * mode and period: a record is in layer k when `mask[i] === 1 && depth[i] >= k` (k = 1..n for the
 * open stages, n + 1 for won). Drill-through uses it so a layer opens exactly its records.
 * Both may be the summary's own arrays: read them while the summary is valid (a cached one:
 * until the next build of its field, see cachedSummary).
 */
export function funnelDepths(input: MetricInput, kind: Funnel['kind']): { mask: Uint8Array, depth: Int16Array } {
  const pop = funnelPopulation(metricContext(input))
  return { mask: pop.mask, depth: kind === 'strict' ? pop.strictDepth : pop.depth }
}

function buildFunnel(input: MetricInput, kind: Funnel['kind']): Funnel {
  const ctx = metricContext(input)
  const { model } = ctx.summary
  const pop = funnelPopulation(ctx)
  const depth = kind === 'strict' ? pop.strictDepth : pop.depth
  const amounts = inputColumn(input, input.options?.amountField)
  const n = model.openCount
  const hist = new Float64Array(n + 2)
  const histAmount = new Float64Array(n + 2)
  for (let i = 0; i < pop.mask.length; i++) {
    if (pop.mask[i] !== 1) continue
    const d = depth[i] as number
    hist[d]!++
    const a = amounts[i] as number
    if (a === a) histAmount[d]! += a
  }
  const steps: FunnelStep[] = []
  const codes = [...model.openCodes]
  if (model.wonCodes.length > 0) codes.push(model.wonCodes[0] as number)
  let count = 0
  let amount = 0
  for (let d = n + 1; d >= 1; d--) {
    count += hist[d] as number
    amount += histAmount[d] as number
    const code = codes[d - 1]
    if (code === undefined) continue
    steps.push({ stageId: model.ids[code] ?? '', label: model.labels[code] ?? '', kind: d > n ? 'won' : 'open', count, amount })
  }
  return { kind, steps: steps.reverse(), lostUnknown: pop.lostUnknown }
}

import { inputColumn } from './columns'
import { metricContext } from './context'
import { currentMask } from './population'
import { OUTCOME_OPEN } from './summary'
import type { MetricInput } from './types'

/** Weighted pipeline of one open stage. */
export interface PipelineStage {
  stageId: string
  count: number
  amount: number
  /** Sum of amount x probability / 100. */
  weighted: number
}

/** Weighted pipeline = sum over open records of amount x probability. */
export interface WeightedPipeline {
  weighted: number
  amount: number
  count: number
  stages: PipelineStage[]
  /** Open records with neither a per-record nor a stage probability (weighted as 0). */
  missingProbability: number
}

/**
 * Weighted pipeline over current open records. Probability: the record's `probabilityField`
 * value when it is a number in 0..100, else its stage's default probability.
 */
export function weightedPipeline(input: MetricInput): WeightedPipeline {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const mask = currentMask(ctx, OUTCOME_OPEN)
  const amounts = inputColumn(input, input.options?.amountField)
  const override = inputColumn(input, input.options?.probabilityField ?? input.field.options.probabilityField)
  const stages: PipelineStage[] = model.openCodes.map(c => ({ stageId: model.ids[c] ?? '', count: 0, amount: 0, weighted: 0 }))
  let missingProbability = 0
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const code = s.current[i] as number
    const st = stages[model.ordinal[code] as number]!
    const own = override[i] as number
    let p = own >= 0 && own <= 100 ? own : (model.probability[code] as number)
    if (Number.isNaN(p)) {
      missingProbability++
      p = 0
    }
    const a = amounts[i] as number
    st.count++
    if (a === a) {
      st.amount += a
      st.weighted += a * p / 100
    }
  }
  const sum = (k: 'count' | 'amount' | 'weighted'): number => stages.reduce((t, x) => t + x[k], 0)
  return { weighted: sum('weighted'), amount: sum('amount'), count: sum('count'), stages, missingProbability }
}

import type { FieldOf, Locale } from '../schema/types'
import type { Conversion } from './conversion'
import type { TimeInStage } from './time-in-stage'
import { labelText } from '../utils/label'
import { conversionFromFunnel } from './conversion'
import { cumulativeFunnel } from './funnel'
import { metricContext } from './context'
import { formatRatio } from './ratio'
import { formatDuration } from './duration'
import { timeInStageOf } from './time-in-stage'
import type { MetricInput } from './types'

/** The funnel step with the lowest conversion to the next. */
export interface Bottleneck {
  /** The stage records fail to leave. */
  stageId: string
  /** The next step (the next open stage, or won). */
  toStageId: string
  rate: number
  /** Median completed time in the stage, ms; null when no visit completed. */
  medianTime: number | null
  /** A sentence naming it, per locale. */
  sentence: Record<Locale, string>
}

/**
 * Bottleneck: the stage with the lowest conversion to the next step (any-order funnel; pass a
 * strict conversion to {@link bottleneckOf} for the strict one);
 * ties go to the longest median time in stage, then to the earlier stage. Null when no
 * conversion has data.
 */
export function bottleneck(input: MetricInput): Bottleneck | null {
  const ctx = metricContext(input)
  const ctxInput = { ...input, summary: ctx.summary, population: ctx.kept }
  return bottleneckOf(conversionFromFunnel(cumulativeFunnel(ctxInput)), timeInStageOf(ctx), input.field)
}

/** {@link bottleneck} from an any-order conversion and time in stage already computed over the same population. */
export function bottleneckOf(conv: Conversion, tis: TimeInStage, field: FieldOf<'stage'>): Bottleneck | null {
  const times = tis.stages
  let best: Bottleneck | null = null
  for (const step of conv.steps) {
    if (step.rate === null) continue
    const median = times.find(t => t.stageId === step.from)?.completed.median ?? null
    if (best !== null && (step.rate > best.rate || (step.rate === best.rate && (median ?? -1) <= (best.medianTime ?? -1)))) continue
    best = { stageId: step.from, toStageId: step.to, rate: step.rate, medianTime: median, sentence: { 'zh-CN': '', 'en': '' } }
  }
  if (best === null) return null
  const stages = field.options.stages
  const name = (id: string, l: Locale): string => labelText(stages.find(s => s.id === id)?.label, l) || id
  const pct = formatRatio(best.rate)
  const median = best.medianTime
  best.sentence = {
    'zh-CN': `瓶颈在「${name(best.stageId, 'zh-CN')}」：只有 ${pct} 进入「${name(best.toStageId, 'zh-CN')}」${median === null ? '' : `，中位停留 ${formatDuration(median, 'zh-CN')}`}。`,
    'en': `The bottleneck is "${name(best.stageId, 'en')}": only ${pct} move on to "${name(best.toStageId, 'en')}"${median === null ? '' : `, after a median of ${formatDuration(median, 'en')} there`}.`,
  }
  return best
}

/** Stage targets on funnel and conversion widgets: each stage's conversion and median time against its target. */
import type { DaysCheck, Funnel, RateCheck } from '../metrics'
import { checkDays, checkRate, MS_PER_DAY, timeInStage, visitsOver } from '../metrics'
import type { FieldOf, Label, Locale } from '../schema/types'
import { labelText } from '../utils/label'
import type { ConfigProblem } from './result-types'
import type { StageInput } from './stage-input'

/** One stage with a target: its checks, and whether the widget flags it. */
export interface StageTargetData {
  stageId: string
  label: Label
  /** The next step (next open stage, or won). */
  toStageId: string
  toLabel: Label
  /** Conversion to the next step against `targetRate`. */
  rate?: RateCheck
  /** Median completed time in the stage against `targetDays`. */
  days?: DaysCheck
  /** A check misses its target with enough records to judge (significant or not; never on a tiny sample). */
  flagged: boolean
}

/** A target rate outside 0..100 %, per stage, as problems naming the field and the stage. */
export function targetProblems(field: FieldOf<'stage'>): ConfigProblem[] {
  const out: ConfigProblem[] = []
  for (const s of field.options.stages) {
    const v = s.targetRate
    if (v === undefined || (Number.isFinite(v) && v >= 0 && v <= 100)) continue
    const say = (l: Locale): string => `${labelText(field.label, l) || field.id} › ${labelText(s.label, l) || s.id}: ${String(v)} %`
    out.push({ key: 'stageField', reason: 'targetOutOfRange', id: s.id, detail: { 'zh-CN': say('zh-CN'), 'en': say('en') } })
  }
  return out
}

/** True when some open stage of the field has a target. */
export function hasTargets(field: FieldOf<'stage'>): boolean {
  return field.options.stages.some(s => s.kind === 'open' && (s.targetRate !== undefined || s.targetDays !== undefined))
}

/**
 * Checks every open stage that has a target against the widget's own funnel (its kind and
 * basis): conversion = next step's count / this step's count, time = the median of the
 * completed visits timeInStage counts. Stages without a target are left out.
 */
export function stageTargets(input: StageInput, funnel: Funnel): StageTargetData[] {
  const field = input.field
  if (!hasTargets(field)) return []
  const open = field.options.stages.filter(s => s.kind === 'open')
  const limits = Float64Array.from(open, s => (s.targetDays === undefined ? Number.NaN : s.targetDays * MS_PER_DAY))
  const anyDays = open.some(s => s.targetDays !== undefined)
  const over = anyDays ? input.shared(`visitsOver:${limits.join(',')}`, () => visitsOver(input, limits)) : undefined
  const times = anyDays ? input.shared('timeInStage', () => timeInStage(input)).stages : []
  const out: StageTargetData[] = []
  open.forEach((s, o) => {
    if (s.targetRate === undefined && s.targetDays === undefined) return
    const i = funnel.steps.findIndex(x => x.stageId === s.id)
    const step = funnel.steps[i]
    const next = funnel.steps[i + 1]
    if (!step || !next) return
    const rate = s.targetRate === undefined ? undefined : checkRate(next.count, step.count, s.targetRate / 100)
    const median = times[o]?.completed.median
    const days = s.targetDays === undefined || !over
      ? undefined
      : checkDays(over.over[o] as number, over.done[o] as number, median === null || median === undefined ? null : median / MS_PER_DAY, s.targetDays)
    const flagged = [rate, days].some(c => c !== undefined && (c.verdict === 'below' || c.verdict === 'belowSignificant'))
    out.push({ stageId: s.id, label: step.label, toStageId: next.stageId, toLabel: next.label, ...(rate ? { rate } : {}), ...(days ? { days } : {}), flagged })
  })
  return out
}

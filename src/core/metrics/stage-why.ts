/** Why a stage converts badly: its losses, its records' conversion by group and time in it, each against the rest. */
import type { RecordRow } from '../schema/types'
import { inPeriod, metricContext } from './context'
import type { Funnel } from './funnel'
import { funnelDepths } from './funnel'
import { reasonKey } from './loss-analysis'
import type { Distribution } from './stats'
import { distribution } from './stats'
import { OUTCOME_LOST, OUTCOME_OPEN } from './summary'
import type { MetricInput } from './types'

/** {@link StageWhy.reach}: not counted at this stage. */
export const REACH_NONE = 0
/** Reached the stage and stopped there (lost from it, or still in it). */
export const REACH_STOPPED = 1
/** Reached the stage and the next step. */
export const REACH_MOVED = 2

/** Lost deals of one reason: lost from this stage against lost from every other stage. */
export interface WhyLossReason {
  /** Raw stored reason (option id); null = none given. */
  key: string | null
  here: number
  rest: number
}

/** What lies behind one stage's conversion to the next step. */
export interface StageWhy {
  stageId: string
  /** The next step: the next open stage, or won after the last one. */
  toStageId: string
  /** Per record: {@link REACH_NONE}, {@link REACH_STOPPED} or {@link REACH_MOVED}. */
  reach: Uint8Array
  reached: number
  moved: number
  /** Lost deals of the population lost from this stage / from the other stages. */
  lostHere: number
  lostRest: number
  /** Most frequent here first. */
  lossReasons: WhyLossReason[]
  /**
   * Per record that reached the stage, its total time in it (ms; visits in the period in
   * activity mode): those that moved on, those lost from it, those still in it (so far).
   */
  time: { moved: Distribution, lost: Distribution, stillIn: Distribution }
}

/**
 * The "why" of a stage (by its id) in the any-order or strict funnel of `input`, or null when it
 * is not an open stage or has no next step. Same population as the funnel.
 */
export function stageWhy(input: MetricInput, stageId: string, kind: Funnel['kind']): StageWhy | null {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const code = model.codeOf.get(stageId)
  const o = code === undefined ? -1 : model.ordinal[code] as number
  const nextCode = o + 1 < model.openCount ? model.openCodes[o + 1] : model.wonCodes[0]
  if (o < 0 || nextCode === undefined) return null
  const { mask, depth } = funnelDepths(input, kind)
  const reach = new Uint8Array(s.count)
  const activity = ctx.mode === 'activity' ? ctx.period : undefined
  const times = { moved: new Float64Array(s.count), lost: new Float64Array(s.count), stillIn: new Float64Array(s.count) }
  const counts = { moved: 0, lost: 0, stillIn: 0 }
  const reasons = new Map<string | null, WhyLossReason>()
  const reasonField = input.field.options.lossReasonField
  let reached = 0
  let moved = 0
  let lostHere = 0
  let lostRest = 0
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const lost = s.outcome[i] === OUTCOME_LOST
    const here = lost && s.lostFrom[i] === o
    if (lost) {
      const key = reasonKey(input.records[i] as RecordRow, reasonField)
      let g = reasons.get(key)
      if (g === undefined) reasons.set(key, g = { key, here: 0, rest: 0 })
      if (here) {
        g.here++
        lostHere++
      }
      else {
        g.rest++
        lostRest++
      }
    }
    const d = depth[i] as number
    if (d < o + 1) continue
    reached++
    const went = d >= o + 2
    reach[i] = went ? REACH_MOVED : REACH_STOPPED
    if (went) moved++
    let total = 0
    let any = false
    for (let v = s.visitOffset[i] as number; v < (s.visitOffset[i + 1] as number); v++) {
      if (s.visitStage[v] !== code || !inPeriod(s.visitEnter[v] as number, activity)) continue
      const exit = s.visitExit[v] as number
      total += (Number.isNaN(exit) ? ctx.now : exit) - (s.visitEnter[v] as number)
      any = true
    }
    if (!any) continue
    const group = went ? 'moved' : here ? 'lost' : s.outcome[i] === OUTCOME_OPEN && s.current[i] === code ? 'stillIn' : undefined
    if (group) times[group][counts[group]++] = total
  }
  const lossReasons = [...reasons.values()].filter(g => g.here > 0 || g.rest > 0).sort((a, b) => b.here - a.here || b.rest - a.rest)
  return {
    stageId,
    toStageId: model.ids[nextCode] ?? '',
    reach,
    reached,
    moved,
    lostHere,
    lostRest,
    lossReasons,
    time: { moved: distribution(times.moved, counts.moved), lost: distribution(times.lost, counts.lost), stillIn: distribution(times.stillIn, counts.stillIn) },
  }
}

/** Of the records at `indices`, how many reached the stage (n) and how many of them moved on (x). */
export function reachOf(reach: Uint8Array, indices: ArrayLike<number>): { n: number, x: number } {
  let n = 0
  let x = 0
  for (let j = 0; j < indices.length; j++) {
    const r = reach[indices[j] as number]
    if (r === undefined || r === REACH_NONE) continue
    n++
    if (r === REACH_MOVED) x++
  }
  return { n, x }
}

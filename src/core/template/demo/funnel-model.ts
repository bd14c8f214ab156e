/**
 * The stage model behind demo opportunities: each open stage has a pass rate and a
 * log-normal dwell time; at the end of a dwell a deal advances, slips back a stage, or is
 * lost. Deals whose next decision lies after `now` are still open (some of them stalled).
 */
import { LOST_STAGE, OPEN_STAGES, type StageId, WON_STAGE } from './catalog.ts'
import type { Rng } from './prng.ts'
import { addDays } from './time.ts'

/** Chance a deal passes each open stage S1..S5 (before source/owner/size factors). */
export const PASS_RATES = [0.8, 0.75, 0.71, 0.69, 0.67] as const
/** Median days spent in each open stage per visit. */
export const DWELL_MEDIAN_DAYS = [6, 9, 12, 16, 12] as const
const DWELL_SIGMA = 0.6
/** Chance one visit goes dormant (several times longer than usual): the stalled deals. */
const DORMANT_CHANCE = 0.08
const DORMANT_FACTOR = 3.5
/** Chance to slip back one stage instead of deciding, from S3 on (at most twice per deal). */
const BACK_CHANCE = 0.06
/** Chance an early deal skips a stage when it advances. */
const SKIP_CHANCE = 0.03

/** One change of the stage value. */
export interface StageStep { from: StageId | null, to: StageId, at: number }

/** The life of one simulated opportunity. */
export interface FunnelPath {
  steps: StageStep[]
  /** Current stage value. */
  stage: StageId
  /** Highest open stage index entered (0..4); 5 for won. */
  highest: number
  /** Open stage index the deal was lost from, or -1. */
  lostFrom: number
  /** Time of the won/lost event, or null while open. */
  closedAt: number | null
  /** Epoch ms the current stage was entered. */
  enteredAt: number
}

function stageAt(k: number): StageId {
  const stage = OPEN_STAGES[k]
  if (stage === undefined) throw new Error(`no open stage ${k}`)
  return stage
}

/** Simulates one deal entering S1 at `createdAt`; `quality` scales every pass rate. */
export function simulateFunnel(rng: Rng, createdAt: number, now: number, quality: number): FunnelPath {
  const steps: StageStep[] = [{ from: null, to: stageAt(0), at: createdAt }]
  let t = createdAt
  let k = 0
  let highest = 0
  let backs = 0
  const move = (to: StageId): void => {
    steps.push({ from: steps[steps.length - 1]?.to ?? null, to, at: t })
  }
  for (;;) {
    const dormant = rng.chance(DORMANT_CHANCE) ? DORMANT_FACTOR : 1
    const dwell = Math.max(0.05, rng.logNormal(DWELL_MEDIAN_DAYS[k] ?? 10, DWELL_SIGMA) * dormant)
    const decideAt = addDays(t, dwell)
    if (decideAt >= now) return { steps, stage: stageAt(k), highest, lostFrom: -1, closedAt: null, enteredAt: t }
    t = decideAt
    const pass = Math.min(0.95, (PASS_RATES[k] ?? 0.5) * quality)
    const back = k >= 2 && backs < 2 ? BACK_CHANCE : 0
    const r = rng.next()
    if (r < pass) {
      if (k === OPEN_STAGES.length - 1) {
        move(WON_STAGE)
        return { steps, stage: WON_STAGE, highest: OPEN_STAGES.length, lostFrom: -1, closedAt: t, enteredAt: t }
      }
      k = Math.min(OPEN_STAGES.length - 1, k + (k <= 2 && rng.chance(SKIP_CHANCE) ? 2 : 1))
      highest = Math.max(highest, k)
      move(stageAt(k))
    }
    else if (r < pass + back) {
      backs++
      k--
      move(stageAt(k))
    }
    else {
      move(LOST_STAGE)
      return { steps, stage: LOST_STAGE, highest, lostFrom: k, closedAt: t, enteredAt: t }
    }
  }
}

/** Time the deal entered open stage `k` for the first time, or null if it never did. */
export function firstEntry(path: FunnelPath, k: number): number | null {
  const stage = OPEN_STAGES[k]
  for (const step of path.steps) if (step.to === stage) return step.at
  return null
}

/** Open stage index the deal was in at time `at` (its last open stage if closed by then). */
export function openStageAt(path: FunnelPath, at: number): number {
  let k = 0
  for (const step of path.steps) {
    if (step.at > at) break
    const idx = OPEN_STAGES.indexOf(step.to as typeof OPEN_STAGES[number])
    if (idx >= 0) k = idx
  }
  return k
}

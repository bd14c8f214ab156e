import type { MetricContext } from './context'
import { inPeriod } from './context'
import { KIND_OPEN, KIND_WON } from './stage-model'
import type { StageSummary } from './summary'
import { OUTCOME_LOST, OUTCOME_NONE, OUTCOME_WON } from './summary'
import type { Period } from './types'

// Imported constants as module locals for the loops below (see summary.ts).
const NONE = OUTCOME_NONE
const WON = OUTCOME_WON
const LOST = OUTCOME_LOST

/**
 * Masks already computed per summary and population array (`MetricContext.kept`): the widgets
 * of one dashboard share a population array (memoised per filter), and each of their metrics
 * asks for the same open, closed and funnel masks over it. A mask depends on the summary (which
 * never changes), the population and the period only; neither the population nor a returned mask
 * may be changed afterwards (no caller does: metrics read them).
 */
const memos = new WeakMap<StageSummary, WeakMap<Uint8Array, Map<string, unknown>>>()

function memo<T>(ctx: MetricContext, key: string, compute: () => T): T {
  let bySummary = memos.get(ctx.summary)
  if (bySummary === undefined) memos.set(ctx.summary, bySummary = new WeakMap())
  let m = bySummary.get(ctx.kept)
  if (m === undefined) bySummary.set(ctx.kept, m = new Map())
  if (m.has(key)) return m.get(key) as T
  const v = compute()
  m.set(key, v)
  return v
}

/**
 * A period as the mask loops test it, inPeriod inlined: without a period every time is in it
 * (NaN too); with one, `t === t && (!hasFrom || t >= from) && (!hasTo || t < to)`.
 */
function boundsOf(period: Period | undefined): { anyTime: boolean, hasFrom: boolean, hasTo: boolean, from: number, to: number } {
  return { anyTime: period === undefined, hasFrom: period?.from !== undefined, hasTo: period?.to !== undefined, from: period?.from ?? 0, to: period?.to ?? 0 }
}

function periodKey(p: Period | undefined): string {
  return p === undefined ? '-' : `${p.from ?? ''}~${p.to ?? ''}`
}

/** Records in the funnel population with their depths for the context's mode. */
export interface FunnelPopulation {
  mask: Uint8Array
  depth: Int16Array
  strictDepth: Int16Array
  /** Lost records in the population whose lost-from stage is unknown (counted at S1 only). */
  lostUnknown: number
}

/**
 * Records "now" (snapshot, pipeline, stalled): kept by the predicate, in the funnel, and in
 * cohort mode with a period, entered in the period. Activity mode ignores the period here.
 * `outcome` restricts to one outcome code.
 */
export function currentMask(ctx: MetricContext, outcome?: number): Uint8Array {
  const period = ctx.mode === 'cohort' ? ctx.period : undefined
  return memo(ctx, `current|${outcome ?? ''}|${periodKey(period)}`, () => currentMaskOf(ctx, period, outcome))
}

function currentMaskOf(ctx: MetricContext, period: Period | undefined, outcome: number | undefined): Uint8Array {
  const { summary: s, kept } = ctx
  const { outcome: outcomes, entryAt } = s
  const N = s.count
  const mask = new Uint8Array(N)
  const none = NONE
  const only = outcome ?? -1
  const { anyTime, hasFrom, hasTo, from, to } = boundsOf(period)
  for (let i = 0; i < N; i++) {
    const out = outcomes[i] as number
    if (kept[i] !== 1 || out === none || (only >= 0 && out !== only)) continue
    if (anyTime) mask[i] = 1
    else {
      const t = entryAt[i] as number
      if (t === t && (!hasFrom || t >= from) && (!hasTo || t < to)) mask[i] = 1
    }
  }
  return mask
}

/** Closed records (won and/or lost) kept by the predicate whose closing time lies in the period. */
export interface ClosedPopulation {
  mask: Uint8Array
  /** Closed records skipped because their closing time is unknown while a period is set. */
  undated: number
}

/** Records closed in the period (any mode: outcomes are dated by their closing event). */
export function closedMask(ctx: MetricContext, which: 'won' | 'lost' | 'both'): ClosedPopulation {
  return memo(ctx, `closed|${which}|${periodKey(ctx.period)}`, () => closedMaskOf(ctx, which))
}

function closedMaskOf(ctx: MetricContext, which: 'won' | 'lost' | 'both'): ClosedPopulation {
  const { summary: s, kept, period } = ctx
  const { outcome, closedAt } = s
  const N = s.count
  const mask = new Uint8Array(N)
  const won = which !== 'lost' ? WON : -1
  const lost = which !== 'won' ? LOST : -1
  const { anyTime, hasFrom, hasTo, from, to } = boundsOf(period)
  let undated = 0
  for (let i = 0; i < N; i++) {
    const out = outcome[i] as number
    if (kept[i] !== 1 || (out !== won && out !== lost)) continue
    if (anyTime) {
      mask[i] = 1
      continue
    }
    const t = closedAt[i] as number
    if (t !== t) undated++
    else if ((!hasFrom || t >= from) && (!hasTo || t < to)) mask[i] = 1
  }
  return { mask, undated }
}

/** The funnel population: cohort (entered in the period) or activity (visits started in the period). */
export function funnelPopulation(ctx: MetricContext): FunnelPopulation {
  const activity = ctx.mode !== 'cohort' && ctx.period !== undefined
  return memo(ctx, `funnel|${activity ? 'activity' : 'cohort'}|${periodKey(ctx.period)}`, () => funnelPopulationOf(ctx))
}

function funnelPopulationOf(ctx: MetricContext): FunnelPopulation {
  const s = ctx.summary
  if (ctx.mode === 'cohort' || ctx.period === undefined) {
    const mask = currentMask({ ...ctx, mode: 'cohort' })
    const { outcome, lostFrom } = s
    const lost = LOST
    let lostUnknown = 0
    for (let i = 0; i < s.count; i++) {
      if (mask[i] === 1 && outcome[i] === lost && lostFrom[i] === -1) lostUnknown++
    }
    return { mask, depth: s.depth, strictDepth: s.strictDepth, lostUnknown }
  }
  return activityPopulation(ctx)
}

function activityPopulation(ctx: MetricContext): FunnelPopulation {
  const { summary: s, kept, period } = ctx
  const { model } = s
  const n = model.openCount
  const mask = new Uint8Array(s.count)
  const depth = new Int16Array(s.count)
  const strictDepth = new Int16Array(s.count)
  let lostUnknown = 0
  for (let i = 0; i < s.count; i++) {
    if (kept[i] !== 1) continue
    let any = false
    let maxReach = 0
    let lastOpen = -1
    let p = 0
    let strictWon = false
    let won = false
    let unknownLoss = false
    for (let v = s.visitOffset[i] as number; v < (s.visitOffset[i + 1] as number); v++) {
      const code = s.visitStage[v] as number
      const k = model.kind[code]
      const inP = inPeriod(s.visitEnter[v] as number, period)
      if (k === KIND_OPEN) {
        const o = model.ordinal[code] as number
        if (inP) {
          any = true
          if (o + 1 > maxReach) maxReach = o + 1
          if (o === p) p++
        }
        lastOpen = o
      }
      else if (inP) {
        any = true
        if (k === KIND_WON) {
          won = true
          strictWon = p === n
        }
        else if (lastOpen < 0) unknownLoss = true
        else if (lastOpen + 1 > maxReach) maxReach = lastOpen + 1
      }
    }
    if (!any) continue
    mask[i] = 1
    if (unknownLoss && !won && maxReach === 0) lostUnknown++
    depth[i] = won ? n + 1 : Math.max(maxReach, unknownLoss ? 1 : 0)
    strictDepth[i] = won && strictWon ? n + 1 : p
  }
  return { mask, depth, strictDepth, lostUnknown }
}

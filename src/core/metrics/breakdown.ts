/** Conversion, win rate and time in stage per group of records (breakdowns by owner, source, industry …). */
import { inPeriod, metricContext } from './context'
import type { Funnel } from './funnel'
import { funnelDepths } from './funnel'
import { closedMask } from './population'
import { MIN_TARGET_SAMPLE } from './stage-targets'
import { MS_PER_DAY } from './stage-model'
import { distribution } from './stats'
import { OUTCOME_WON } from './summary'
import type { MetricInput, Ratio } from './types'
import type { Interval } from './wilson'
import { wilsonInterval } from './wilson'

/** x of n, with the rate and its 95 % Wilson interval (null when n is 0). */
export interface Proportion {
  n: number
  x: number
  rate: Ratio
  interval: Interval | null
}

/** The three figures of one group, each with the sample it rests on. */
export interface BreakdownFigures {
  /** Records of the group in the funnel population. */
  records: number
  /** n = reached the from-step, x = of them reached the to-step (the funnel's own depths). */
  conversion: Proportion
  /** n = closed in the period (won + lost), x = won. */
  winRate: Proportion
  /** Median days: the stage's completed visits, or without a stage the won deals' sales cycle; count = values behind it. */
  days: { count: number, median: number | null }
}

/** What a breakdown measures. */
export interface BreakdownSpec {
  /** @default 'anyOrder' */
  kind?: Funnel['kind']
  /**
   * An open stage: conversion from it to the next step and time in it (completed visits).
   * Omitted: conversion from the first step to won, and the sales cycle of won deals.
   */
  stageId?: string
}

/** Figures of every group and of the whole population. */
export interface Breakdown {
  groups: BreakdownFigures[]
  all: BreakdownFigures
}

/**
 * Conversion, win rate and median days of each group (`groups[g]` = indices into
 * `input.records`; a record may be in several groups), over the same populations as the
 * funnel (conversion, time), win rate (closed in the period) and sales cycle metrics. Null when
 * `spec.stageId` is not an open stage of the field.
 */
export function breakdown(input: MetricInput, groups: readonly ArrayLike<number>[], spec: BreakdownSpec = {}): Breakdown | null {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const code = spec.stageId === undefined ? undefined : model.codeOf.get(spec.stageId)
  const o = code === undefined ? -1 : model.ordinal[code] as number
  if (spec.stageId !== undefined && o < 0) return null
  const fromDepth = o >= 0 ? o + 1 : 1
  const toDepth = o >= 0 ? o + 2 : model.openCount + 1
  const { mask, depth } = funnelDepths(input, spec.kind ?? 'anyOrder')
  const closed = closedMask(ctx, 'both').mask
  const won = closedMask(ctx, 'won').mask
  const activity = ctx.mode === 'activity' ? ctx.period : undefined
  const all = new Int32Array(s.count)
  for (let i = 0; i < s.count; i++) all[i] = i
  const buf = new Float64Array(Math.max(s.count, s.visitStage.length))
  const figures = (indices: ArrayLike<number>): BreakdownFigures => {
    let records = 0
    let cn = 0
    let cx = 0
    let wn = 0
    let wx = 0
    let k = 0
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j] as number
      if (i < 0 || i >= s.count) continue
      if (closed[i] === 1) {
        wn++
        if (s.outcome[i] === OUTCOME_WON) wx++
      }
      if (o < 0 && won[i] === 1) {
        const d = (s.closedAt[i] as number) - (s.entryAt[i] as number)
        if (!Number.isNaN(d)) buf[k++] = d
      }
      if (mask[i] !== 1) continue
      records++
      const d = depth[i] as number
      if (d >= fromDepth) {
        cn++
        if (d >= toDepth) cx++
      }
      if (o < 0) continue
      for (let v = s.visitOffset[i] as number; v < (s.visitOffset[i + 1] as number); v++) {
        const exit = s.visitExit[v] as number
        if (s.visitStage[v] !== code || Number.isNaN(exit) || !inPeriod(s.visitEnter[v] as number, activity)) continue
        buf[k++] = exit - (s.visitEnter[v] as number)
      }
    }
    const median = distribution(buf, k).median
    return {
      records,
      conversion: proportion(cx, cn),
      winRate: proportion(wx, wn),
      days: { count: k, median: median === null ? null : median / MS_PER_DAY },
    }
  }
  return { groups: groups.map(figures), all: figures(all) }
}

function proportion(x: number, n: number): Proportion {
  return { n, x, rate: n > 0 ? x / n : null, interval: wilsonInterval(x, n) }
}

/** Which figure ranks the rows of a breakdown. Days: fewer is better. */
export type BreakdownRank = 'conversion' | 'winRate' | 'days'

/**
 * The best and worst groups by `rank`: among groups whose figure rests on at least
 * {@link MIN_TARGET_SAMPLE} values (a 1-of-1 owner is never "best"), the highest and lowest
 * rate (for days the shortest and longest median); ties share the mark. Nothing is marked when
 * fewer than two groups qualify or they all have the same figure.
 */
export function breakdownExtremes(groups: readonly BreakdownFigures[], rank: BreakdownRank): { best: number[], worst: number[] } {
  const value = (g: BreakdownFigures): { v: number | null, n: number } => rank === 'days'
    ? { v: g.days.median === null ? null : -g.days.median, n: g.days.count }
    : { v: g[rank].rate, n: g[rank].n }
  const judged: { i: number, v: number }[] = []
  groups.forEach((g, i) => {
    const { v, n } = value(g)
    if (v !== null && n >= MIN_TARGET_SAMPLE) judged.push({ i, v })
  })
  if (judged.length < 2) return { best: [], worst: [] }
  const hi = Math.max(...judged.map(j => j.v))
  const lo = Math.min(...judged.map(j => j.v))
  if (hi === lo) return { best: [], worst: [] }
  return { best: judged.filter(j => j.v === hi).map(j => j.i), worst: judged.filter(j => j.v === lo).map(j => j.i) }
}

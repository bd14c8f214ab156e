/** Stage targets: is a stage's conversion (or its median time) off its target, and is the gap more than sampling noise? */
import type { Interval } from './wilson'
import { wilsonInterval } from './wilson'

/**
 * Fewer records than this (or fewer completed visits, for time) and no verdict is given: a
 * 0-of-4 stage has a Wilson interval that already excludes 50 %, but four deals say nothing.
 */
export const MIN_TARGET_SAMPLE = 10

/**
 * - `tooFew`: under {@link MIN_TARGET_SAMPLE}: never flagged;
 * - `met`: the observed figure meets the target;
 * - `below`: misses it, but the target lies inside the 95 % interval (could be chance);
 * - `belowSignificant`: misses it and the target lies outside the 95 % interval.
 */
export type TargetVerdict = 'tooFew' | 'met' | 'below' | 'belowSignificant'

/** A stage's conversion to the next step against its expected rate. */
export interface RateCheck {
  /** Expected rate, 0..1. */
  target: number
  /** Records that reached the stage. */
  n: number
  /** Of them, records that reached the next step. */
  x: number
  /** x / n; null when n is 0. */
  rate: number | null
  /** 95 % Wilson interval of the rate; null when n is 0. */
  interval: Interval | null
  verdict: TargetVerdict
}

/** `x` of `n` converted against an expected rate `target` (0..1). */
export function checkRate(x: number, n: number, target: number): RateCheck {
  const interval = wilsonInterval(x, n)
  const rate = n > 0 ? x / n : null
  let verdict: TargetVerdict
  if (n < MIN_TARGET_SAMPLE || rate === null || interval === null) verdict = 'tooFew'
  else if (rate >= target) verdict = 'met'
  else verdict = interval.high < target ? 'belowSignificant' : 'below'
  return { target, n, x, rate, interval, verdict }
}

/**
 * A stage's median time against a maximum. The median is over `maxDays` exactly when more than
 * half the visits are, so the test is on that share: significant when the 95 % interval of the
 * share of visits longer than the maximum lies wholly above one half (a sign test).
 */
export interface DaysCheck {
  maxDays: number
  /** Completed visits. */
  n: number
  /** Of them, visits longer than `maxDays`. */
  over: number
  /** Median of the completed visits in days; null without any. */
  medianDays: number | null
  /** 95 % Wilson interval of over / n; null when n is 0. */
  interval: Interval | null
  verdict: TargetVerdict
}

/** `over` of `n` completed visits longer than `maxDays`, median `medianDays`. */
export function checkDays(over: number, n: number, medianDays: number | null, maxDays: number): DaysCheck {
  const interval = wilsonInterval(over, n)
  let verdict: TargetVerdict
  if (n < MIN_TARGET_SAMPLE || medianDays === null || interval === null) verdict = 'tooFew'
  else if (medianDays <= maxDays) verdict = 'met'
  else verdict = interval.low > 0.5 ? 'belowSignificant' : 'below'
  return { maxDays, n, over, medianDays, interval, verdict }
}

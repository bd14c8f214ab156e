import type { Label } from '../schema/types'
import type { MetricContext } from './context'
import { inPeriod, metricContext } from './context'
import { funnelPopulation } from './population'
import type { Distribution } from './stats'
import { distribution } from './stats'
import type { MetricInput } from './types'
import type { StageSummary } from './summary'
import { scratch } from './scratch'
import { hasVisitTable, visitTable } from './visit-table'
import { stageVisitCounts } from './stage-visit-counts'

/** Time spent in one open stage, in ms. */
export interface StageTime {
  stageId: string
  label: Label
  /** Every completed visit (exit - entry). */
  completed: Distribution
  /** Per record: its latest completed visit. */
  latest: Distribution
  /** Per record: sum of its completed visits (re-entries add up). */
  cumulative: Distribution
  /** Visits still open: age so far (now - entry), never mixed into the above. */
  open: Distribution
}

/** Time in stage for every open stage. */
export interface TimeInStage {
  stages: StageTime[]
}

/**
 * Time in stage. Cohort mode: all visits of the population's records; activity mode:
 * visits that started in the period.
 */
export function timeInStage(input: MetricInput): TimeInStage {
  return timeInStageOf(metricContext(input))
}

/** {@link timeInStage} on a resolved context (shared with the bottleneck metric). */
export function timeInStageOf(ctx: MetricContext): TimeInStage {
  const s = ctx.summary
  const { model } = s
  const n = model.openCount
  const mask = funnelPopulation(ctx).mask
  const activity = ctx.mode === 'activity' ? ctx.period : undefined
  const now = ctx.now
  if (activity === undefined && wantsTable(s)) return wholeRecordTimes(s, mask, now)
  // The first time in stage over a summary (a cold dashboard or metric): one pass over the
  // population's visits into per-stage lists (sized by the summary's counts
  // of all visits, an upper bound for any population), in record order, then visit order: the
  // order the figures are summed in.
  const caps = stageVisitCounts(s)
  const doneAt = new Uint32Array(n + 1)
  const openAt = new Uint32Array(n + 1)
  for (let o = 0; o < n; o++) {
    doneAt[o + 1] = (doneAt[o] as number) + (caps.done[o] as number)
    openAt[o + 1] = (openAt[o] as number) + (caps.open[o] as number)
  }
  const completed = scratch('tis.completed', Float64Array, doneAt[n] as number)
  const latest = scratch('tis.latest', Float64Array, doneAt[n] as number)
  const cumulative = scratch('tis.cumulative', Float64Array, doneAt[n] as number)
  const openAge = scratch('tis.open', Float64Array, openAt[n] as number)
  const nc = doneAt.slice(0, n)
  const no = openAt.slice(0, n)
  const nr = doneAt.slice(0, n)
  // per stage: the record that last took an entry of the latest / cumulative lists, and that entry
  const taken = new Int32Array(n).fill(-1)
  const entry = new Uint32Array(n)
  const anyTime = activity === undefined
  const { visitOffset, visitStage, visitEnter, visitExit } = s
  const ordinal = model.ordinal
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const v1 = visitOffset[i + 1] as number
    for (let v = visitOffset[i] as number; v < v1; v++) {
      const o = ordinal[visitStage[v] as number] as number
      const enter = visitEnter[v] as number
      if (o < 0 || (!anyTime && !inPeriod(enter, activity))) continue
      const exit = visitExit[v] as number
      if (exit !== exit) {
        openAge[no[o]!++] = now - enter
        continue
      }
      const d = exit - enter
      completed[nc[o]!++] = d
      // the record's first completed visit here takes its entry; later ones update it
      if (taken[o] !== i) {
        taken[o] = i
        const k = nr[o]!++
        entry[o] = k
        latest[k] = d
        cumulative[k] = 0 + d
      }
      else {
        const k = entry[o] as number
        latest[k] = d
        cumulative[k]! += d
      }
    }
  }
  const part = (buf: Float64Array, at: Uint32Array, end: Uint32Array, o: number): Distribution =>
    distribution(buf.subarray(at[o] as number, end[o] as number))
  const stages = model.openCodes.map((code, o): StageTime => {
    const done = part(completed, doneAt, nc, o)
    const once = nc[o] === nr[o]
    return {
      stageId: model.ids[code] ?? '',
      label: model.labels[code] ?? '',
      completed: done,
      latest: once ? { ...done } : part(latest, doneAt, nr, o),
      cumulative: once ? { ...done } : part(cumulative, doneAt, nr, o),
      open: part(openAge, openAt, no, o),
    }
  })
  return { stages }
}

// Both passes below, per stage: when there are as many records with a completed visit as
// completed visits, each of those records has exactly one, so its latest visit and the sum of
// its visits are that visit, listed in the same order as the completed ones: the same figures
// (but for a zero's sign: a sum starts from +0, so a -0 duration, from event times of -0 only,
// sums to 0), not selected twice more ({ ...done }: results are never shared objects).

const passes = new WeakMap<StageSummary, number>()

/**
 * Whole-record time in stage over `s` uses the visit table from the summary's second
 * computation on (another population over the same cached summary: a filter change), where
 * re-filtering its per-stage lists beats another pass over every visit; the first computation
 * (cold) makes the one pass and builds nothing.
 */
function wantsTable(s: StageSummary): boolean {
  if (hasVisitTable(s)) return true
  const k = (passes.get(s) ?? 0) + 1
  passes.set(s, k)
  return k > 1
}

/** Time in stage over every visit of the records in `mask` (cohort mode), from the summary's visit table. */
function wholeRecordTimes(s: StageSummary, mask: Uint8Array, now: number): TimeInStage {
  const { model } = s
  const t = visitTable(s)
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(k => scratch(`tis.${k}`, Float64Array, t.maxList)) as [Float64Array, Float64Array, Float64Array, Float64Array]
  const stages = model.openCodes.map((code, o): StageTime => {
    let k = 0
    for (let j = t.doneStart[o] as number; j < (t.doneStart[o + 1] as number); j++) {
      if (mask[t.doneRecord[j] as number] === 1) a[k++] = t.doneValue[j] as number
    }
    const completed = distribution(a, k)
    const doneCount = k
    k = 0
    for (let j = t.recStart[o] as number; j < (t.recStart[o + 1] as number); j++) {
      if (mask[t.recRecord[j] as number] !== 1) continue
      b[k] = t.recLatest[j] as number
      c[k++] = t.recSum[j] as number
    }
    const once = k === doneCount
    const latest = once ? { ...completed } : distribution(b, k)
    const cumulative = once ? { ...completed } : distribution(c, k)
    k = 0
    for (let j = t.openStart[o] as number; j < (t.openStart[o + 1] as number); j++) {
      if (mask[t.openRecord[j] as number] === 1) d[k++] = now - (t.openEnter[j] as number)
    }
    return { stageId: model.ids[code] ?? '', label: model.labels[code] ?? '', completed, latest, cumulative, open: distribution(d, k) }
  })
  return { stages }
}

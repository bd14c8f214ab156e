import type { Label } from '../schema/types'
import type { MetricContext } from './context'
import { inPeriod, metricContext } from './context'
import { funnelPopulation } from './population'
import type { Distribution } from './stats'
import { distribution } from './stats'
import type { MetricInput } from './types'
import type { StageSummary } from './summary'
import { visitTable } from './visit-table'
import { scratch } from './scratch'

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
  if (activity === undefined) return wholeRecordTimes(s, mask, ctx.now)
  // first pass: exact buffer sizes for this population, so a filtered call allocates little
  const capDone = new Uint32Array(n)
  const capOpen = new Uint32Array(n)
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    for (let v = s.visitOffset[i] as number; v < (s.visitOffset[i + 1] as number); v++) {
      const o = model.ordinal[s.visitStage[v] as number] as number
      if (o < 0 || !inPeriod(s.visitEnter[v] as number, activity)) continue
      if (Number.isNaN(s.visitExit[v])) capOpen[o]!++
      else capDone[o]!++
    }
  }
  const buf = (cap: Uint32Array): Float64Array[] => Array.from(cap, c => new Float64Array(c))
  const completed = buf(capDone)
  const openAge = buf(capOpen)
  const latest = buf(capDone)
  const cumulative = buf(capDone)
  const nc = new Uint32Array(n)
  const no = new Uint32Array(n)
  const nr = new Uint32Array(n)
  const recLatest = new Float64Array(n).fill(Number.NaN)
  const recSum = new Float64Array(n)
  for (let i = 0; i < s.count; i++) {
    if (mask[i] !== 1) continue
    const v0 = s.visitOffset[i] as number
    const v1 = s.visitOffset[i + 1] as number
    for (let v = v0; v < v1; v++) {
      const o = model.ordinal[s.visitStage[v] as number] as number
      const enter = s.visitEnter[v] as number
      if (o < 0 || !inPeriod(enter, activity)) continue
      const exit = s.visitExit[v] as number
      if (Number.isNaN(exit)) {
        openAge[o]![no[o]!++] = ctx.now - enter
        continue
      }
      completed[o]![nc[o]!++] = exit - enter
      recLatest[o] = exit - enter
      recSum[o]! += exit - enter
    }
    for (let v = v0; v < v1; v++) {
      const o = model.ordinal[s.visitStage[v] as number] as number
      if (o < 0 || Number.isNaN(recLatest[o])) continue
      latest[o]![nr[o] as number] = recLatest[o] as number
      cumulative[o]![nr[o]!++] = recSum[o] as number
      recLatest[o] = Number.NaN
      recSum[o] = 0
    }
  }
  const stages = model.openCodes.map((code, o): StageTime => ({
    stageId: model.ids[code] ?? '',
    label: model.labels[code] ?? '',
    completed: distribution(completed[o]!, nc[o]),
    latest: distribution(latest[o]!, nr[o]),
    cumulative: distribution(cumulative[o]!, nr[o]),
    open: distribution(openAge[o]!, no[o]),
  }))
  return { stages }
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
    k = 0
    for (let j = t.recStart[o] as number; j < (t.recStart[o + 1] as number); j++) {
      if (mask[t.recRecord[j] as number] !== 1) continue
      b[k] = t.recLatest[j] as number
      c[k++] = t.recSum[j] as number
    }
    const latest = distribution(b, k)
    const cumulative = distribution(c, k)
    k = 0
    for (let j = t.openStart[o] as number; j < (t.openStart[o + 1] as number); j++) {
      if (mask[t.openRecord[j] as number] === 1) d[k++] = now - (t.openEnter[j] as number)
    }
    return { stageId: model.ids[code] ?? '', label: model.labels[code] ?? '', completed, latest, cumulative, open: distribution(d, k) }
  })
  return { stages }
}

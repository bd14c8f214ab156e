import type { StageSummary } from './summary'
import { scratch } from './scratch'

/**
 * A summary's open-stage visits regrouped per open stage (ordinal), for time in stage over
 * any population of whole records (cohort mode). Built once per summary, on its second time in
 * stage (a dashboard filter change): the first is one pass over the visits (time-in-stage.ts).
 * Every list is CSR by ordinal: ordinal o owns entries `xStart[o] .. xStart[o + 1] - 1`,
 * in record order, then visit order (the order timeInStage sums in, so figures are unchanged).
 */
export interface VisitTable {
  /** Completed visits: duration (exit - entry) and record index. */
  readonly doneStart: Uint32Array
  readonly doneValue: Float64Array
  readonly doneRecord: Uint32Array
  /** Per record with a completed visit: its latest completed visit and the sum of all. */
  readonly recStart: Uint32Array
  readonly recLatest: Float64Array
  readonly recSum: Float64Array
  readonly recRecord: Uint32Array
  /** Open visits: entry time and record index. */
  readonly openStart: Uint32Array
  readonly openEnter: Float64Array
  readonly openRecord: Uint32Array
  /** Length of the largest list (what one computation's work buffers need). */
  readonly maxList: number
}

const tables = new WeakMap<StageSummary, VisitTable>()

/** True once the summary's {@link VisitTable} is built. */
export function hasVisitTable(s: StageSummary): boolean {
  return tables.has(s)
}

/** The {@link VisitTable} of a summary (cached with it). */
export function visitTable(s: StageSummary): VisitTable {
  let t = tables.get(s)
  if (t === undefined) tables.set(s, t = buildVisitTable(s))
  return t
}

function buildVisitTable(s: StageSummary): VisitTable {
  const { model } = s
  const n = model.openCount
  const ordOf = scratch('visits.ordinal', Int16Array, s.visitStage.length)
  const doneStart = new Uint32Array(n + 1)
  const openStart = new Uint32Array(n + 1)
  const recStart = new Uint32Array(n + 1)
  const seen = new Int32Array(n).fill(-1)
  // pass 1: sizes per ordinal
  for (let i = 0; i < s.count; i++) {
    for (let v = s.visitOffset[i] as number; v < (s.visitOffset[i + 1] as number); v++) {
      const o = model.ordinal[s.visitStage[v] as number] as number
      ordOf[v] = o
      if (o < 0) continue
      if (Number.isNaN(s.visitExit[v])) openStart[o + 1]!++
      else {
        doneStart[o + 1]!++
        if (seen[o] !== i) {
          seen[o] = i
          recStart[o + 1]!++
        }
      }
    }
  }
  for (let o = 0; o < n; o++) {
    doneStart[o + 1]! += doneStart[o] as number
    openStart[o + 1]! += openStart[o] as number
    recStart[o + 1]! += recStart[o] as number
  }
  const doneValue = new Float64Array(doneStart[n] as number)
  const doneRecord = new Uint32Array(doneStart[n] as number)
  const openEnter = new Float64Array(openStart[n] as number)
  const openRecord = new Uint32Array(openStart[n] as number)
  const recLatest = new Float64Array(recStart[n] as number)
  const recSum = new Float64Array(recStart[n] as number)
  const recRecord = new Uint32Array(recStart[n] as number)
  const dc = doneStart.slice(0, n)
  const oc = openStart.slice(0, n)
  const rc = recStart.slice(0, n)
  const latest = new Float64Array(n).fill(Number.NaN)
  const sum = new Float64Array(n)
  // pass 2: fill, per record as timeInStage did (completed in visit order, then per-record figures)
  for (let i = 0; i < s.count; i++) {
    const v0 = s.visitOffset[i] as number
    const v1 = s.visitOffset[i + 1] as number
    for (let v = v0; v < v1; v++) {
      const o = ordOf[v] as number
      if (o < 0) continue
      const enter = s.visitEnter[v] as number
      const exit = s.visitExit[v] as number
      if (Number.isNaN(exit)) {
        openEnter[oc[o] as number] = enter
        openRecord[oc[o]!++] = i
        continue
      }
      doneValue[dc[o] as number] = exit - enter
      doneRecord[dc[o]!++] = i
      latest[o] = exit - enter
      sum[o]! += exit - enter
    }
    for (let v = v0; v < v1; v++) {
      const o = ordOf[v] as number
      if (o < 0 || Number.isNaN(latest[o])) continue
      recLatest[rc[o] as number] = latest[o] as number
      recSum[rc[o] as number] = sum[o] as number
      recRecord[rc[o]!++] = i
      latest[o] = Number.NaN
      sum[o] = 0
    }
  }
  let max = 0
  for (let o = 0; o < n; o++) {
    max = Math.max(max, (doneStart[o + 1] as number) - (doneStart[o] as number), (openStart[o + 1] as number) - (openStart[o] as number))
  }
  return { doneStart, doneValue, doneRecord, recStart, recLatest, recSum, recRecord, openStart, openEnter, openRecord, maxList: max }
}

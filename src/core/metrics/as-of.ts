import type { ChangeEntry, RecordRow } from '../schema/types'
import type { StageSummary } from './summary'
import { inputColumn } from './columns'
import { metricContext } from './context'
import { KIND_OPEN } from './stage-model'
import type { MetricInput } from './types'

/**
 * The stage code each record was in at time `t`, rebuilt from the stage history: the stage of
 * its last visit entered at or before `t`; a record without any visit (a won or lost record
 * without history) is in its current stage from its creation; -1 before that (not yet in the
 * funnel) or without a stage.
 */
export function stagesAt(s: StageSummary, records: readonly RecordRow[], t: number): Int16Array {
  const out = new Int16Array(s.count).fill(-1)
  for (let i = 0; i < s.count; i++) {
    const v0 = s.visitOffset[i] as number
    const v1 = s.visitOffset[i + 1] as number
    if (v1 === v0) {
      if ((records[i] as RecordRow).createdAt <= t) out[i] = s.current[i] as number
      continue
    }
    // visits are in time order: the last one entered at or before t
    let lo = v0
    let hi = v1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((s.visitEnter[mid] as number) <= t) lo = mid + 1
      else hi = mid
    }
    if (lo > v0) out[i] = s.visitStage[lo - 1] as number
  }
  return out
}

/**
 * A number field's value of each record at time `t`, from its change entries: the `from` of the
 * first change of that field after `t`, else its current value (NaN when not a number). Without
 * entries, every record's current value. Entries may come in any order.
 */
export function amountsAt(records: readonly RecordRow[], current: Float64Array, fieldId: string | undefined, changes: readonly ChangeEntry[] | undefined, t: number): Float64Array {
  return amountsAtTimes(records, current, fieldId, changes, [t])[0] as Float64Array
}

/**
 * {@link amountsAt} at several times in one pass over the entries (the waterfall's start and
 * end). `indexOf` (record id → index, see {@link summaryIndex}) joins the entries to the records
 * without touching the records; without it, the entries are grouped by the record ids they name
 * and the records looked up once each.
 */
export function amountsAtTimes(records: readonly RecordRow[], current: Float64Array, fieldId: string | undefined, changes: readonly ChangeEntry[] | undefined, times: readonly number[], indexOf?: ReadonlyMap<string, number>): Float64Array[] {
  const outs = times.map(() => Float64Array.from(current))
  if (!fieldId || !changes || changes.length === 0) return outs
  const earliest = Math.min(...times)
  const index = indexOf ?? idsNamed(records, changes, earliest)
  const firstAfter = times.map(() => new Float64Array(records.length).fill(Infinity))
  for (const c of changes) {
    if (c.at <= earliest) continue
    const i = index.get(c.recordId)
    if (i === undefined) continue
    const ch = c.changes?.find(x => x.field === fieldId)
    if (!ch) continue
    const from = typeof ch.from === 'number' && Number.isFinite(ch.from) ? ch.from : Number.NaN
    for (let k = 0; k < times.length; k++) {
      const first = firstAfter[k] as Float64Array
      if (c.at <= (times[k] as number) || c.at >= (first[i] as number)) continue
      first[i] = c.at
      ;(outs[k] as Float64Array)[i] = from
    }
  }
  return outs
}

/** Index of the records named by the entries after `t` (a map of those ids only). */
function idsNamed(records: readonly RecordRow[], changes: readonly ChangeEntry[], t: number): Map<string, number> {
  const named = new Map<string, number>()
  for (const c of changes) if (c.at > t) named.set(c.recordId, -1)
  for (let i = 0; i < records.length && named.size > 0; i++) {
    const id = (records[i] as RecordRow).id
    if (named.get(id) === -1) named.set(id, i)
  }
  for (const [id, i] of named) if (i < 0) named.delete(id)
  return named
}

const indexes = new WeakMap<StageSummary, Map<string, number>>()

/**
 * Record id → index of the records a stage summary was built over, built once and kept with
 * the summary (a dashboard keeps one per data version, so a recomputed waterfall or as-of
 * reads amounts from the change log without indexing 100k records again).
 */
export function summaryIndex(s: StageSummary, records: readonly RecordRow[]): Map<string, number> {
  let index = indexes.get(s)
  if (!index) {
    index = new Map()
    for (let i = 0; i < records.length; i++) index.set((records[i] as RecordRow).id, i)
    indexes.set(s, index)
  }
  return index
}

/** Open pipeline of one stage as it stood. */
export interface AsOfStage {
  stageId: string
  count: number
  amount: number
}

/** The open pipeline as it stood at a past time. */
export interface PipelineAsOf {
  at: number
  count: number
  amount: number
  stages: AsOfStage[]
}

/**
 * The open pipeline as it stood at `at`, rebuilt from the stage events (records kept by the
 * input's predicate; amounts as they were, from `changes` when given, else current amounts).
 */
export function pipelineAsOf(input: MetricInput, at: number, changes?: readonly ChangeEntry[]): PipelineAsOf {
  const ctx = metricContext(input)
  const s = ctx.summary
  const { model } = s
  const stage = stagesAt(s, input.records, at)
  const field = input.options?.amountField
  const index = changes?.length ? summaryIndex(s, input.records) : undefined
  const amount = amountsAtTimes(input.records, inputColumn(input, field), field, changes, [at], index)[0] as Float64Array
  const stages: AsOfStage[] = model.openCodes.map(c => ({ stageId: model.ids[c] ?? '', count: 0, amount: 0 }))
  let count = 0
  let total = 0
  for (let i = 0; i < s.count; i++) {
    const c = stage[i] as number
    if (ctx.kept[i] !== 1 || c < 0 || model.kind[c] !== KIND_OPEN) continue
    const st = stages[model.ordinal[c] as number] as AsOfStage
    st.count++
    count++
    const a = amount[i] as number
    if (a === a) {
      st.amount += a
      total += a
    }
  }
  return { at, count, amount: total, stages }
}

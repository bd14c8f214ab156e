import type { StageEventColumns, StageEventSource } from '../events'
import { asColumns, NO_STAGE } from '../events'
import type { FieldOf, RecordRow } from '../schema/types'
import type { StageModel } from './stage-model'
import { buildStageModel, KIND_LOST, KIND_OPEN, KIND_WON } from './stage-model'
import { groupEvents } from './group-events'
import { keepColumn, keepSnapshot } from './columns'
import { scratch } from './scratch'
import { keepVisitCounts } from './stage-visit-counts'
import type { RecordColumns } from './record-columns'
import { recordColumns } from './record-columns'

// Imported constants as module locals: the hot loops below read them per event and per visit,
// and a bundler inlines them anyway, but a module runner (vitest, the bench) reads each import
// through a getter (measured: 9 % of a cold summary at 100k).
const NONE = NO_STAGE
const OPEN = KIND_OPEN
const WON = KIND_WON
const LOST = KIND_LOST

/** Outcome codes of {@link StageSummary.outcome}. */
export const OUTCOME_OPEN = 0
/** See {@link OUTCOME_OPEN}. */
export const OUTCOME_WON = 1
/** See {@link OUTCOME_OPEN}. */
export const OUTCOME_LOST = 2
/** The record has no (known) stage value and no stage history: outside the funnel. */
export const OUTCOME_NONE = 3

/**
 * Per-record stage history of one stage field, computed once and shared by every metric.
 * Columns are indexed like the `records` array it was built from. Visits are stored
 * CSR-style: record i owns visits `visitOffset[i] .. visitOffset[i + 1] - 1`, in time order.
 */
export interface StageSummary {
  readonly model: StageModel
  /** Number of records (length of every per-record column). */
  readonly count: number
  /** Current stage code (the record's value; else its last event's stage), -1 when none. */
  readonly current: Int16Array
  /** OUTCOME_OPEN | OUTCOME_WON | OUTCOME_LOST | OUTCOME_NONE, from the current stage. */
  readonly outcome: Uint8Array
  /** Any-order depth: 0 outside the funnel, k = highest open stage Sk reached, n + 1 = won. */
  readonly depth: Int16Array
  /** Strict depth: k = entered S1..Sk in order, n + 1 = did so and then won. */
  readonly strictDepth: Int16Array
  /** Lost records: open ordinal (0-based) lost from, -1 unknown. -1 for others. */
  readonly lostFrom: Int16Array
  /** Entry into the funnel (cohort time): see {@link summarizeStageHistory}. */
  readonly entryAt: Float64Array
  /** Won/lost records: time of entering the current outcome, NaN when unknown or open. */
  readonly closedAt: Float64Array
  /** Time the record entered its current stage (createdAt without history). */
  readonly currentSince: Float64Array
  readonly visitOffset: Uint32Array
  readonly visitStage: Int16Array
  readonly visitEnter: Float64Array
  /** NaN for a visit still open (the record's last one). */
  readonly visitExit: Float64Array
  /** 1 when the visit is inferred (initial `from` stage, or current stage without events). */
  readonly visitInferred: Uint8Array
  /** Lost records whose lost-from stage is unknown (counted at S1 only). */
  readonly lostUnknown: number
  /** Events ignored: unknown record id, or a `to` that is not a stage of the field. */
  readonly ignoredEvents: number
}

/**
 * Builds the {@link StageSummary} of `field` over `records` from `events` (any order; only
 * events with `fieldId === field.id` are used). Rules, beyond DESIGN.md "Funnel metrics":
 * - a record's visits start at each event's `at`; when its first event has a non-null
 *   `from`, the record was in that stage since `min(createdAt, first.at)` (an inferred visit);
 * - entry into the funnel (`entryAt`, also the cohort time and the sales-cycle start) is the
 *   first event's `at` when its `from` is null, else `min(createdAt, first.at)`; records
 *   without events use `createdAt`;
 * - a record without events in an open stage gets an inferred open visit since `createdAt`;
 * - events repeating the current stage are not new visits;
 * - a `from: null` event after the record's first event is skipped: it claims the record
 *   started there (the creation event of a record imported from a current-state file), and
 *   the earlier history laid onto it since (a stage-history import) says otherwise.
 *
 * `events` are best given as columns (what the history store holds): the scan then reads
 * integers, each stage id of the columns' name table resolved once; an array of objects is
 * converted first. The records are read in one pass (each record object is touched once, which
 * at 100k+ records costs more than the whole event scan): their id, creation time, stage
 * value and the `numberFields` (amounts a caller is about to sum), kept with the summary as
 * `inputColumn` would read them.
 */
export function summarizeStageHistory(records: readonly RecordRow[], events: StageEventSource, field: FieldOf<'stage'>, opts: SummaryOptions = {}): StageSummary {
  const rc = recordColumns(records)
  const summary = summarizeColumns(rc, asColumns(events), field, opts.recycle)
  keepSnapshot(summary, records, rc)
  opts.numberFields?.forEach(f => keepColumn(summary, records, f, rc.number(f)))
  return summary
}

/**
 * {@link summarizeStageHistory} over record columns (see record-columns.ts) and event columns;
 * `recycle`: see {@link SummaryOptions.recycle}.
 */
export function summarizeColumns(rc: RecordColumns, cols: StageEventColumns, field: FieldOf<'stage'>, recycle?: StageSummary): StageSummary {
  const model = buildStageModel(field)
  const n = model.openCount
  const N = rc.count
  const { createdAt } = rc
  const valueCode = ownCodes(rc, field.id, model)
  const grouped = groupEvents(rc.join(cols), N, cols, field.id)
  const stageOf = stageCodes(cols, model)
  const { from: fromCol, to: toCol, at: atCol } = cols
  const { start, order } = grouped
  const cap = visitCapacity(start, order, fromCol, stageOf, N)
  // Every column is written in full below (none relies on a new array's zeros), so a recycled
  // one may hold the old summary's values.
  const old = recycle
  const visitOffset = column(Uint32Array, N + 1, old?.visitOffset)
  const visitStage = column(Int16Array, cap, old?.visitStage)
  const visitEnter = column(Float64Array, cap, old?.visitEnter)
  const visitExit = column(Float64Array, cap, old?.visitExit)
  const visitInferred = column(Uint8Array, cap, old?.visitInferred)
  const current = column(Int16Array, N, old?.current)
  const outcome = column(Uint8Array, N, old?.outcome)
  const depth = column(Int16Array, N, old?.depth)
  const strictDepth = column(Int16Array, N, old?.strictDepth)
  const lostFrom = column(Int16Array, N, old?.lostFrom)
  const entryAt = column(Float64Array, N, old?.entryAt)
  const closedAt = column(Float64Array, N, old?.closedAt)
  const currentSince = column(Float64Array, N, old?.currentSince)
  let ignored = grouped.ignored
  let lostUnknown = 0
  // A visit's exit is written NaN with it (open until the next one closes it): no pass filling
  // the whole column first (40 MB at 1M records). Visits are written
  // inline in one loop per record, the figures of its funnel path (depth, won / lost time)
  // kept as they are written: no closure (one writing `nv` would keep it in a heap context)
  // and no second pass over the record's visits.
  const kindOf = model.kind
  const ordinalOf = model.ordinal
  let nv = 0
  const doneVisits = new Uint32Array(n)
  const openVisits = new Uint32Array(n)
  for (let i = 0; i < N; i++) {
    const created = createdAt[i] as number
    const vStart = nv
    visitOffset[i] = vStart
    const s = start[i] as number
    const e = start[i + 1] as number
    let lastChange = Number.NaN
    let entry = created
    // the record's last visit so far: stage code (-1: none yet) and entry time
    let last = -1
    let lastEnter = Number.NaN
    let maxOrd = -1
    let lastOpen = -1
    let lostFromAtLoss = -2
    let p = 0
    let strictWon = false
    let wonAt = Number.NaN
    let lostAt = Number.NaN
    if (e > s) {
      const first = order[s] as number
      const from = fromCol[first] as number
      const firstAt = atCol[first] as number
      entry = from === NONE ? firstAt : Math.min(created, firstAt)
      const fromCode = from === NONE ? -1 : stageOf[from] as number
      // j = s - 1 is the inferred visit of the first event's `from` stage, when it has one
      for (let j = fromCode >= 0 ? s - 1 : s; j < e; j++) {
        let code = fromCode
        let at = entry
        let inferred = 1
        if (j >= s) {
          const ev = order[j] as number
          code = stageOf[toCol[ev] as number] as number
          if (code < 0) {
            ignored++
            continue
          }
          if (j > s && fromCol[ev] === NONE) continue
          at = atCol[ev] as number
          lastChange = at
          if (code === last) continue
          inferred = 0
          if (last >= 0) visitExit[nv - 1] = at
        }
        visitStage[nv] = code
        visitEnter[nv] = at
        visitExit[nv] = Number.NaN
        visitInferred[nv++] = inferred
        last = code
        lastEnter = at
        const k = kindOf[code]
        if (k === OPEN) {
          const o = ordinalOf[code] as number
          doneVisits[o]!++
          if (o > maxOrd) maxOrd = o
          lastOpen = o
          if (o === p) p++
        }
        else if (k === WON) {
          wonAt = at
          strictWon = p === n
        }
        else {
          lostAt = at
          lostFromAtLoss = lastOpen
        }
      }
    }
    const own = valueCode[i] as number
    const cur = own >= 0 ? own : last
    if (nv === vStart) {
      entry = created
      if (cur >= 0 && kindOf[cur] === OPEN) {
        visitStage[nv] = cur
        visitEnter[nv] = created
        visitExit[nv] = Number.NaN
        visitInferred[nv++] = 1
        last = cur
        lastEnter = created
        const o = ordinalOf[cur] as number
        doneVisits[o]!++
        maxOrd = o
        lastOpen = o
        if (o === 0) p = 1
      }
    }
    // a record's last visit is its open one (visitExit NaN), every earlier one completed
    if (last >= 0 && kindOf[last] === OPEN) {
      const o = ordinalOf[last] as number
      doneVisits[o]!--
      openVisits[o]!++
    }
    current[i] = cur
    entryAt[i] = entry
    currentSince[i] = nv > vStart && last === cur ? lastEnter : (Number.isNaN(lastChange) ? created : lastChange)
    if (cur < 0) {
      outcome[i] = OUTCOME_NONE
      depth[i] = 0
      strictDepth[i] = 0
      lostFrom[i] = -1
      closedAt[i] = Number.NaN
    }
    else if (kindOf[cur] === WON) {
      outcome[i] = OUTCOME_WON
      lostFrom[i] = -1
      depth[i] = n + 1
      strictDepth[i] = strictWon ? n + 1 : p
      closedAt[i] = wonAt
    }
    else if (kindOf[cur] === LOST) {
      outcome[i] = OUTCOME_LOST
      const lf = lostFromAtLoss === -2 ? lastOpen : lostFromAtLoss
      lostFrom[i] = lf
      if (lf < 0) lostUnknown++
      depth[i] = Math.max(maxOrd + 1, 1)
      strictDepth[i] = p
      closedAt[i] = lostAt
    }
    else {
      outcome[i] = OUTCOME_OPEN
      lostFrom[i] = -1
      closedAt[i] = Number.NaN
      depth[i] = Math.max(maxOrd, ordinalOf[cur] as number) + 1
      strictDepth[i] = p
    }
  }
  visitOffset[N] = nv
  const summary: StageSummary = {
    model,
    count: N,
    current,
    outcome,
    depth,
    strictDepth,
    lostFrom,
    entryAt,
    closedAt,
    currentSince,
    visitOffset,
    visitStage: visitStage.subarray(0, nv),
    visitEnter: visitEnter.subarray(0, nv),
    visitExit: visitExit.subarray(0, nv),
    visitInferred: visitInferred.subarray(0, nv),
    lostUnknown,
    ignoredEvents: ignored,
  }
  keepVisitCounts(summary, { done: doneVisits, open: openVisits })
  return summary
}

/** Options of {@link summarizeStageHistory}. */
export interface SummaryOptions {
  /** Number fields read in the summary's pass over the records and kept with it (see `inputColumn`). */
  numberFields?: readonly string[]
  /**
   * A summary nobody reads any more (the dashboard cache's previous one of the field, replaced
   * by this build): the build writes its columns into that summary's buffers where they are
   * large enough, instead of allocating new ones. After the call, neither it nor any array taken
   * from it may be read. At 1M records a summary's columns are ~130 MB of typed arrays; fresh
   * ones per build set off a full mark-compact of the whole heap each (270-370 ms at 1M).
   */
  recycle?: StageSummary
}

type Column = Uint32Array | Int16Array | Uint8Array | Float64Array
type ColumnType<T extends Column> = { new (length: number): T, new (buffer: ArrayBufferLike, offset: number, length: number): T, BYTES_PER_ELEMENT: number }

/** A `length`-long column: a view of `old`'s whole buffer when it is large enough (contents left over), else a new array. */
function column<T extends Column>(type: ColumnType<T>, length: number, old: T | undefined): T {
  if (old === undefined || old.buffer.byteLength < length * type.BYTES_PER_ELEMENT) return new type(length)
  return new type(old.buffer, 0, length)
}

/**
 * Most visits the build can write (the visit columns' length): a record's events, plus one
 * inferred visit when its first event comes from a stage; a record without events has at most
 * its inferred one. (One whose every event is ignored writes at most one, no more than its
 * events.) Exact enough that the columns are not a record count longer than needed (19 MB at 1M).
 */
function visitCapacity(start: Uint32Array, order: Uint32Array, fromCol: Uint16Array, stageOf: Int16Array, N: number): number {
  let cap = order.length
  const none = NONE
  for (let i = 0; i < N; i++) {
    const s = start[i] as number
    if (s === start[i + 1]) cap++
    else {
      const from = fromCol[order[s] as number] as number
      if (from !== none && (stageOf[from] as number) >= 0) cap++
    }
  }
  return cap
}

/** Stage code of each record's own value of the field, -1 when it has none or not a stage of the field. */
function ownCodes(rc: RecordColumns, fieldId: string, model: StageModel): Int16Array {
  const { codes, table } = rc.codes(fieldId)
  const stage = new Int16Array(table.length)
  for (let k = 0; k < table.length; k++) stage[k] = model.codeOf.get(table[k] as string) ?? -1
  const out = scratch('summary.valueCode', Int16Array, rc.count)
  for (let i = 0; i < rc.count; i++) {
    const c = codes[i] as number
    out[i] = c < 0 ? -1 : stage[c] as number
  }
  return out
}

/** Stage code of each entry of the columns' name table, -1 for names that are not a stage of the model. */
function stageCodes(cols: StageEventColumns, model: StageModel): Int16Array {
  const out = new Int16Array(cols.names.length)
  cols.names.forEach((name, k) => {
    out[k] = model.codeOf.get(name) ?? -1
  })
  return out
}

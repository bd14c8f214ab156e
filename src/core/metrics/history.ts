import type { StageEventSource } from '../events'
import { recordEventsOf } from '../events'
import type { FieldOf, RecordRow } from '../schema/types'
import { OUTCOME_LOST, OUTCOME_OPEN, OUTCOME_WON, summarizeStageHistory } from './summary'
import type { StageSummary } from './summary'

/** One stay of a record in a stage. */
export interface StageVisit {
  stage: string
  enteredAt: number
  /** null while the record is still in the stage. */
  exitedAt: number | null
  /** True when not backed by an event: the first event's `from`, or the current stage of a record without events. */
  inferred: boolean
}

/** A record's stage history, as the funnel metrics see it. */
export interface StageHistory {
  visits: StageVisit[]
  outcome: 'open' | 'won' | 'lost' | 'none'
  /** Highest open stage reached (id), null outside the funnel. Won: the last open stage; lost with unknown origin: S1. */
  highestStage: string | null
  /** 1-based any-order depth: k = reached Sk, n + 1 = won, 0 = outside the funnel. */
  depth: number
  /** Lost records: the open stage lost from, null when unknown or not lost. */
  lostFrom: string | null
  /** True for a lost record whose lost-from stage is unknown (it counts at S1 only). */
  lostFromUnknown: boolean
  /** Entry into the funnel (see summarizeStageHistory). */
  firstEntryAt: number
  wonAt: number | null
  lostAt: number | null
}

/** Stage history of one record, from all `events` (other records' and fields' events are skipped). */
export function stageHistoryOf(record: RecordRow, events: StageEventSource, field: FieldOf<'stage'>): StageHistory {
  const own = recordEventsOf(events, record.id)
  return historyAt(summarizeStageHistory([record], own, field), 0)
}

/** Reads record `i` of a summary back as a {@link StageHistory} object (for drill-downs, not hot loops). */
export function historyAt(summary: StageSummary, i: number): StageHistory {
  const { model } = summary
  const visits: StageVisit[] = []
  for (let v = summary.visitOffset[i] as number; v < (summary.visitOffset[i + 1] as number); v++) {
    const exit = summary.visitExit[v] as number
    visits.push({
      stage: model.ids[summary.visitStage[v] as number] ?? '',
      enteredAt: summary.visitEnter[v] as number,
      exitedAt: Number.isNaN(exit) ? null : exit,
      inferred: summary.visitInferred[v] === 1,
    })
  }
  const depth = summary.depth[i] as number
  const out = summary.outcome[i]
  const lf = summary.lostFrom[i] as number
  const closed = summary.closedAt[i] as number
  const highOrd = Math.min(depth, model.openCount) - 1
  return {
    visits,
    outcome: out === OUTCOME_OPEN ? 'open' : out === OUTCOME_WON ? 'won' : out === OUTCOME_LOST ? 'lost' : 'none',
    highestStage: highOrd >= 0 ? (model.ids[model.openCodes[highOrd] as number] ?? null) : null,
    depth,
    lostFrom: lf >= 0 ? (model.ids[model.openCodes[lf] as number] ?? null) : null,
    lostFromUnknown: out === OUTCOME_LOST && lf < 0,
    firstEntryAt: summary.entryAt[i] as number,
    wonAt: out === OUTCOME_WON && !Number.isNaN(closed) ? closed : null,
    lostAt: out === OUTCOME_LOST && !Number.isNaN(closed) ? closed : null,
  }
}

/** A record's stage history as timeline entries: which stage, since when, for how long. */
import type { FieldOf, Label, StageEvent, StageOption } from '../schema/types'
import { findStage, stageColor } from './stage-lookup'

const DAY = 86_400_000

/** One visit of a stage in a record's history. */
export interface TimelineEntry {
  /** The event that started the visit. */
  eventId: string
  stageId: string
  /** The stage's label (a removed stage keeps its last label; unknown ids show the id). */
  label: Label
  color: string
  kind: StageOption['kind'] | 'unknown'
  /** True when the stage was removed from the field after the event. */
  removed: boolean
  enteredAt: number
  /** When the next change happened; null for the current stage. */
  leftAt: number | null
  /**
   * Whole and fractional days spent (one decimal), up to `now` for the current open stage;
   * null for a current won or lost stage: a closed deal stops ageing when it closes.
   */
  days: number | null
  /** The stage it came from, or null for the first entry. */
  fromStageId: string | null
}

/**
 * Timeline of one record's stage field, oldest first. Only events of `field` count; events
 * repeating the stage the record is already in are skipped (they are not new visits).
 */
export function buildStageTimeline(events: readonly StageEvent[], field: FieldOf<'stage'>, now: number): TimelineEntry[] {
  const sorted = events.filter(e => e.fieldId === field.id).sort((a, b) => a.at - b.at)
  const visits: StageEvent[] = []
  for (const e of sorted) if (visits.at(-1)?.to !== e.to) visits.push(e)
  return visits.map((e, i) => {
    const next = visits[i + 1]
    const found = findStage(field, e.to)
    const leftAt = next ? next.at : null
    const kind = found?.stage.kind ?? 'unknown'
    const closed = leftAt === null && (kind === 'won' || kind === 'lost')
    const end = leftAt ?? Math.max(now, e.at)
    return {
      eventId: e.id,
      stageId: e.to,
      label: found?.stage.label ?? e.to,
      color: stageColor(field, e.to),
      kind,
      removed: found?.removed ?? false,
      enteredAt: e.at,
      leftAt,
      days: closed ? null : Math.round(((end - e.at) / DAY) * 10) / 10,
      fromStageId: e.from,
    }
  })
}

import type { StageEventSource } from '../events'
import { recordsEventsOf } from '../events'
import type { FieldOf, RecordRow } from '../schema/types'
import type { StageAlert } from './stalled'
import { stageAlerts } from './stalled'

/** A record and its position in its form's records (what `StalledRecord.recordIndex` names). */
export interface IndexedRecord {
  record: RecordRow
  index: number
}

/**
 * stageAlerts of some records of a form only (those an edit changed), from their own stage
 * events: a record's alert depends on nothing but its values, its events and `now`, so each gets
 * what stageAlerts over the whole form gives it, `recordIndex` being the index given with it.
 * Records that are neither stalled nor snoozed are absent. Cost: one pass over the form's event
 * columns, plus the records themselves (a whole form's summary is 100-250 ms at 100k deals).
 */
export function recordStageAlerts(records: readonly IndexedRecord[], events: StageEventSource, field: FieldOf<'stage'>, now: number): Map<string, StageAlert> {
  if (records.length === 0) return new Map()
  const own = recordsEventsOf(events, new Set(records.map(r => r.record.id)))
  const alerts = stageAlerts({ records: records.map(r => r.record), events: own, field, options: { now } })
  for (const [id, alert] of alerts) {
    const s = alert.stalled
    if (s) alerts.set(id, { ...alert, stalled: { ...s, recordIndex: records[s.recordIndex]!.index } })
  }
  return alerts
}

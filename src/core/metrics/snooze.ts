/**
 * Snoozed deals (stage field option `snooze`): a deal whose resume date lies after today is
 * snoozed, so it is not stalled until that day. Days are local calendar days: from the resume
 * date on the deal is no longer snoozed.
 */
import type { FieldOf, RecordRow } from '../schema/types'
import { dayOfValue, formatDay, localDayOf, localMidnight } from '../query/dates'

/** A deal's snooze as read from its fields. */
export interface Snooze {
  /** The resume date, 'YYYY-MM-DD'. */
  until: string
  /** Local midnight starting the resume date (epoch ms): when the snooze ends. */
  endsAt: number
  /** The reason given, as stored (text or an option id); absent when empty or not configured. */
  reason?: unknown
}

/** The snooze of `record` on `field` whether or not it is still running; undefined when the field has no snooze or the record no resume date. */
export function snoozeOf(field: FieldOf<'stage'>, record: RecordRow): Snooze | undefined {
  const cfg = field.options.snooze
  if (!cfg) return undefined
  const day = dayOfValue(record.values[cfg.untilField])
  if (!Number.isFinite(day)) return undefined
  const reason = cfg.reasonField === undefined ? undefined : record.values[cfg.reasonField]
  const out: Snooze = { until: formatDay(day), endsAt: localMidnight(day) }
  if (reason !== undefined && reason !== null && reason !== '') out.reason = reason
  return out
}

/** The running snooze of `record` at `now` (its resume date is after now's local day), else undefined. */
export function activeSnooze(field: FieldOf<'stage'>, record: RecordRow, now: number): Snooze | undefined {
  const s = snoozeOf(field, record)
  return s && dayOfValue(s.until) > localDayOf(now) ? s : undefined
}

/** 'YYYY-MM-DD' of the local day of an instant: a resume date must be after it. */
export function localDayText(ms: number): string {
  return formatDay(localDayOf(ms))
}

/** Whether deals on `field` can be stalled or snoozed (some stage has a limit, or snooze is set up): only then is there anything to say beside their stage. */
export function stageCanAlert(field: FieldOf<'stage'>): boolean {
  return !!field.options.snooze || field.options.stages.some(s => s.stalledAfterDays !== undefined)
}

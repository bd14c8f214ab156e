/**
 * The daily triggers: a date field's day has come (plus an offset), or an open record became
 * stalled in its stage. Checked while the app is open (on open and then hourly); each check
 * covers the time since the last one (`since`), so days the app was closed are caught up once
 * and nothing fires twice on one device.
 */
import type { StageEventSource } from '../events'
import type { FormDef, RecordRow } from '../schema/types'
import { stalledRecords } from '../metrics/stalled'
import { dayOfValue, localDayOf } from '../query/dates'
import type { AutomationDef } from './types'

/** The records of `form` the daily trigger of `automation` fires on between `since` (exclusive) and `now`. */
export function dailyFired(automation: AutomationDef, form: FormDef, records: readonly RecordRow[], events: StageEventSource, since: number, now: number): RecordRow[] {
  const t = automation.trigger
  if (t.kind === 'dateReached') {
    const from = localDayOf(since)
    const to = localDayOf(now)
    const offset = t.offsetDays ?? 0
    return records.filter((r) => {
      const day = dayOfValue(r.values[t.fieldId]) + offset
      return day > from && day <= to
    })
  }
  if (t.kind === 'stalled') {
    const field = form.fields.find(f => f.id === t.fieldId)
    if (field?.type !== 'stage') return []
    // A fixed number of days replaces every open stage's own threshold.
    const stageField = t.days === undefined
      ? field
      : { ...field, options: { ...field.options, stages: field.options.stages.map(s => (s.kind === 'open' ? { ...s, stalledAfterDays: t.days } : s)) } }
    return stalledRecords({ records, events, field: stageField, options: { now } })
      // A snoozed deal is not stalled (stalledRecords leaves it out); one whose snooze ended
      // while it was still stalled becomes stalled again on its resume date (`s.since`).
      .filter(s => s.since > since && s.since <= now)
      .map(s => records[s.recordIndex]!)
  }
  return []
}

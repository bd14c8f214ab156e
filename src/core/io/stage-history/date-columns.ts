import type { FieldOf, RecordRow, StageEvent } from '../../schema/types'
import { newId } from '../../utils/id'
import type { DateFormat } from './parse-time'
import { parseTimestamp } from './parse-time'

/** Which record field holds the time a record entered each stage. */
export interface DateColumnMapping {
  formId: string
  field: FieldOf<'stage'>
  /**
   * `column` is a record field id whose value is the time the record entered `stage`.
   * Columns of won/lost stages are used only for records currently in that stage, so one
   * close-date column may be mapped to both won and lost.
   */
  columns: { stage: string, column: string }[]
  /** @default 'iso' */
  dateFormat?: DateFormat
}

/** A record whose dated history could not be built as mapped. */
export interface DateColumnIssue {
  recordId: string
  /**
   * badDate: a mapped cell holds something that is not a time;
   * missingOutcomeDate: a won/lost record has no date for its outcome (no closing event);
   * endsElsewhere: the dated history ends in another stage than the record's current one.
   */
  code: 'badDate' | 'missingOutcomeDate' | 'endsElsewhere'
  column?: string
  value?: unknown
}

/** Backdated events and the issues met. */
export interface DateColumnResult {
  events: StageEvent[]
  issues: DateColumnIssue[]
}

/**
 * Builds backdated stage events from "entered stage X" date columns: per record, the dated
 * stages in time order (ties in stage order) become a chain of events, the first with
 * `from: null`, ending with the won/lost transition when the record is closed and dated.
 */
export function eventsFromDateColumns(records: readonly RecordRow[], mapping: DateColumnMapping): DateColumnResult {
  const stages = mapping.field.options.stages
  const order = new Map(stages.map((s, i) => [s.id, i]))
  const kindOf = new Map(stages.map(s => [s.id, s.kind]))
  const columns = mapping.columns.filter(c => order.has(c.stage))
  const events: StageEvent[] = []
  const issues: DateColumnIssue[] = []
  const fieldId = mapping.field.id
  for (const rec of records) {
    const current = rec.values[fieldId]
    const dated: { stage: string, at: number }[] = []
    for (const c of columns) {
      const terminal = kindOf.get(c.stage) !== 'open'
      if (terminal && current !== c.stage) continue
      const raw = rec.values[c.column]
      if (raw === undefined || raw === null || raw === '') continue
      const at = parseTimestamp(raw, mapping.dateFormat)
      if (at === null) issues.push({ recordId: rec.id, code: 'badDate', column: c.column, value: raw })
      else dated.push({ stage: c.stage, at })
    }
    const closed = typeof current === 'string' && kindOf.has(current) && kindOf.get(current) !== 'open'
    if (closed && !dated.some(d => d.stage === current)) issues.push({ recordId: rec.id, code: 'missingOutcomeDate' })
    if (dated.length === 0) continue
    dated.sort((a, b) => a.at - b.at || (order.get(a.stage) ?? 0) - (order.get(b.stage) ?? 0))
    let from: string | null = null
    for (const d of dated) {
      if (d.stage === from) continue
      events.push({ id: newId(), formId: mapping.formId, recordId: rec.id, fieldId, from, to: d.stage, at: d.at })
      from = d.stage
    }
    if (typeof current === 'string' && order.has(current) && from !== current) issues.push({ recordId: rec.id, code: 'endsElsewhere' })
  }
  return { events, issues }
}

import type { FieldOf, RecordRow } from '../../schema/types'
import type { DateFormat } from './parse-time'
import { cumulativeFunnel, summarizeStageHistory } from '../../metrics'
import { eventsFromDateColumns } from './date-columns'
import { matchStageName } from './stage-names'

/** Where a file's rows keep their stage and, optionally, the date each stage was entered. */
export interface FileFunnelInput {
  rows: readonly (readonly string[])[]
  /** Column of the current stage (names matched to the field's stages like a history log's). */
  stageCol: number
  field: FieldOf<'stage'>
  /** Per stage, the column holding the date it was entered ("one date column per stage"). */
  dates?: readonly { stage: string, col: number }[]
  /** @default 'iso' */
  dateFormat?: DateFormat
}

/**
 * The funnel a form made from the file will show before anything is created: cumulative
 * counts (reached at least) per open stage in the field's order, then won, over one record
 * per row in its current stage, with the stage entries its date columns give. Rows whose
 * stage matches no stage are outside the funnel.
 */
export function fileFunnel(input: FileFunnelInput): { stageId: string, count: number }[] {
  const { field } = input
  const dates = input.dates ?? []
  const records: RecordRow[] = input.rows.map((r, i) => {
    const values: Record<string, unknown> = {}
    const stage = matchStageName(field, r[input.stageCol] ?? '')
    if (stage !== undefined) values[field.id] = stage
    for (const d of dates) values[`date:${d.col}`] = r[d.col] ?? ''
    return { id: `row${i}`, values, createdAt: 0, updatedAt: 0, rev: 1 }
  })
  const events = dates.length
    ? eventsFromDateColumns(records, { formId: 'preview', field, columns: dates.map(d => ({ stage: d.stage, column: `date:${d.col}` })), dateFormat: input.dateFormat }).events
    : []
  const summary = summarizeStageHistory(records, events, field)
  return cumulativeFunnel({ records, events, field, summary }).steps.map(s => ({ stageId: s.stageId, count: s.count }))
}

import type { HistoryRole } from './guess-columns'
import { normalizeHeader } from '../auto-map'

/** Stage-history exports of the big CRMs the import recognises by their header row. */
export type HistoryPresetId = 'salesforce' | 'hubspot' | 'pipedrive'

/** How one CRM's stage-history export is laid out. */
export interface HistoryPreset {
  id: HistoryPresetId
  /** Headers (normalised) that must all be present for the file to be recognised. */
  signature: readonly string[][]
  /** Per role, the header names the CRM uses, in preference order. */
  columns: Partial<Record<HistoryRole, readonly string[]>>
  /**
   * Exports holding the changes of every property: only rows whose `column` holds one of
   * `values` are stage changes (HubSpot property history, Pipedrive changelog).
   */
  rows?: {
    column: readonly string[]
    values: readonly string[]
    /**
     * Rows of another property that close the deal (Pipedrive's `status` changes: won / lost
     * are a status there, not a stage): kept when their stage column holds one of `stages`.
     */
    outcomes?: { values: readonly string[], stages: readonly string[] }
    /** Values of `column` marking a change of the deal's amount (HubSpot's `amount`): the stage column holds the new amount. */
    amounts?: readonly string[]
  }
}

/**
 * The presets, from the CRMs' public documentation: Salesforce OpportunityHistory (one row per
 * change of stage, amount, probability or close date), HubSpot's deal property history
 * (dealId, property, value, timestamp), Pipedrive's deal changelog (deal id, field key, old and
 * new value, log time; stage values are stage ids, listed for mapping like any unknown name;
 * a deal is won or lost by a `status` change, read as a move into the won or lost stage).
 */
export const HISTORY_PRESETS: readonly HistoryPreset[] = [
  {
    id: 'salesforce',
    signature: [['opportunityid'], ['stagename'], ['createddate']],
    // CreatedById is who recorded the change, not the deal's owner: left to the user.
    columns: { key: ['OpportunityId'], stage: ['StageName'], at: ['CreatedDate'], amount: ['Amount'], order: ['Probability'] },
  },
  {
    id: 'hubspot',
    signature: [['dealid', 'recordid', 'objectid'], ['property', 'propertyname'], ['value', 'propertyvalue'], ['timestamp']],
    columns: { key: ['dealId', 'Deal ID', 'Record ID', 'objectId'], stage: ['value', 'Property value', 'Value'], at: ['timestamp', 'Timestamp'], owner: ['updatedByUserId', 'sourceLabel'] },
    rows: { column: ['property', 'Property name', 'Property'], values: ['dealstage', 'Deal Stage'], amounts: ['amount', 'Amount'] },
  },
  {
    id: 'pipedrive',
    signature: [['dealid', 'itemid'], ['fieldkey', 'field'], ['newvalue'], ['logtime', 'updatetime', 'time']],
    columns: { key: ['Deal ID', 'deal_id', 'item_id'], stage: ['new_value', 'New value'], at: ['log_time', 'Log time', 'Update time', 'time'], owner: ['user_id', 'User'] },
    rows: { column: ['field_key', 'Field key', 'Field'], values: ['stage_id', 'Stage'], outcomes: { values: ['status', 'Status'], stages: ['won', 'lost'] } },
  },
]

/** The preset whose signature the headers carry, if any. */
export function detectHistoryPreset(headers: readonly string[]): HistoryPreset | undefined {
  const have = new Set(headers.map(normalizeHeader))
  return HISTORY_PRESETS.find(p => p.signature.every(alts => alts.some(a => have.has(a))))
}

/** The file's header for each role the preset names (matched ignoring case and punctuation). */
export function presetColumns(preset: HistoryPreset, headers: readonly string[]): Partial<Record<HistoryRole, string>> {
  const out: Partial<Record<HistoryRole, string>> = {}
  for (const [role, names] of Object.entries(preset.columns) as [HistoryRole, readonly string[]][]) {
    const header = names.map(normalizeHeader).map(n => headers.find(h => normalizeHeader(h) === n)).find(h => h !== undefined)
    if (header !== undefined) out[role] = header
  }
  return out
}

/** The header of the preset's property column (the one telling which property a row changes), if the file has it. */
export function presetPropertyColumn(preset: HistoryPreset | undefined, headers: readonly string[]): string | undefined {
  const i = preset?.rows?.column.map(normalizeHeader).map(n => headers.findIndex(h => normalizeHeader(h) === n)).find(i => i >= 0)
  return i === undefined ? undefined : headers[i]
}

/**
 * A test keeping the rows the import reads under the preset (undefined: every row): stage
 * changes, the closing rows, and the amount changes of an export that has them.
 */
export function presetRowFilter(preset: HistoryPreset | undefined, headers: readonly string[]): ((row: readonly string[]) => boolean) | undefined {
  if (!preset?.rows) return undefined
  const lower = (list: readonly string[]) => new Set(list.map(v => v.toLowerCase()))
  const wanted = lower([...preset.rows.values, ...preset.rows.amounts ?? []])
  const header = presetPropertyColumn(preset, headers)
  if (header === undefined) return undefined
  const col = headers.indexOf(header)
  const cell = (row: readonly string[], i: number) => (row[i] ?? '').trim().toLowerCase()
  const closing = preset.rows.outcomes
  const stageHeader = presetColumns(preset, headers).stage
  const stageCol = stageHeader === undefined ? -1 : headers.indexOf(stageHeader)
  if (!closing || stageCol < 0) return row => wanted.has(cell(row, col))
  const [closers, outcomes] = [lower(closing.values), lower(closing.stages)]
  return row => wanted.has(cell(row, col)) || (closers.has(cell(row, col)) && outcomes.has(cell(row, stageCol)))
}

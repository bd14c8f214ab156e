import type { FieldOf, RecordRow, StageEvent } from '../../schema/types'
import { newId } from '../../utils/id'
import type { DateFormat } from './parse-time'
import { parseTimestamp } from './parse-time'
import { matchStageName } from './stage-names'

/** Columns of a stage-history log (one row per change) and where their values go. */
export interface HistoryLogMapping {
  formId: string
  field: FieldOf<'stage'>
  /** Column names in the rows: record key, stage name, change time, optional amount and owner. */
  columns: { key: string, stage: string, at: string, amount?: string, owner?: string }
  /** Record field ids receiving the key, the latest amount and the latest owner. */
  keyField?: string
  amountField?: string
  ownerField?: string
  /** Stage name in the file -> stage option id; tried before matching ids and labels. */
  stageNames?: Readonly<Record<string, string>>
  /** @default 'iso' */
  dateFormat?: DateFormat
  /** Row number shown for `rows[0]`. @default 2 (line 1 is the header) */
  firstRowNumber?: number
  /** Row number shown for each of `rows`, when they are a selection of the file's rows (overrides `firstRowNumber`). */
  rowNumbers?: readonly number[]
  /**
   * Rows that change only the amount (a property-history export's `amount` rows, told by the
   * value of `column`): their stage column holds the amount; they make no stage event.
   */
  amountRows?: { column: string, values: readonly string[] }
}

/** A row that could not be used as it is. */
export interface BadHistoryRow {
  row: number
  /**
   * missingKey / missingStage / badTime: the row is skipped; badAmount: only its amount is;
   * duplicate: the same key, stage and time as an earlier row (skipped, it adds nothing).
   */
  code: 'missingKey' | 'missingStage' | 'badTime' | 'badAmount' | 'duplicate'
  reason: string
  /** duplicate: the earlier row it repeats. */
  sameAs?: number
}

/** Records and events rebuilt from a log, plus what needs the user's attention. */
export interface HistoryLogResult {
  records: RecordRow[]
  events: StageEvent[]
  /** Stage names matching no stage, with their rows: map them (stageNames) and run again. */
  unknownStages: { name: string, rows: number[] }[]
  badRows: BadHistoryRow[]
  /** Row numbers of each rebuilt record (by record id), for reports about its key. */
  rowsOf: Map<string, number[]>
  /** Row number of each event (by event id). */
  eventRows: Map<string, number>
  /**
   * Each rebuilt record's amount over time (by record id; with `amountField`): the values the
   * log gave it, in time order, a value repeating the one before left out. The last is its amount.
   */
  amounts: Map<string, { at: number, to: number }[]>
}

interface Change { row: number, at: number, stage: string | undefined, amount: number | undefined, owner: unknown }

/**
 * Rebuilds records and their stage events from a stage-history log (Salesforce
 * OpportunityHistory, HubSpot deal-stage export). Rows are grouped by key and ordered by
 * time (ties in file order); each change of stage becomes an event (the first from null),
 * rows repeating the stage only update amount/owner. A record's stage, amount and owner are
 * the latest known; createdAt/updatedAt are its first/last row times. Rows whose stage name
 * is unknown still count for the record (and are listed in `unknownStages`) but make no event.
 */
export function reconstructFromHistoryLog(rows: readonly Readonly<Record<string, unknown>>[], mapping: HistoryLogMapping): HistoryLogResult {
  const { columns: col, field } = mapping
  const first = mapping.firstRowNumber ?? 2
  const byKey = new Map<string, Change[]>()
  const unknown = new Map<string, number[]>()
  const badRows: BadHistoryRow[] = []
  const seen = new Map<string, number>()
  const amountRows = mapping.amountRows && { column: mapping.amountRows.column, values: new Set(mapping.amountRows.values.map(v => v.toLowerCase())) }
  for (let idx = 0; idx < rows.length; idx++) {
    const r = rows[idx]!
    const row = mapping.rowNumbers?.[idx] ?? idx + first
    const key = text(r[col.key])
    const name = text(r[col.stage])
    const at = parseTimestamp(r[col.at], mapping.dateFormat)
    if (amountRows?.values.has(text(r[amountRows.column]).toLowerCase())) {
      if (key === '' || at === null) badRows.push(key === '' ? { row, code: 'missingKey', reason: `empty ${col.key}` } : { row, code: 'badTime', reason: `${col.at} "${text(r[col.at])}" is not a time` })
      const amount = parseAmount(r[col.stage])
      if (amount === null) badRows.push({ row, code: 'badAmount', reason: `${col.stage} "${name}" is not a number` })
      if (key === '' || at === null || amount === null || amount === undefined) continue
      let list = byKey.get(key)
      if (list === undefined) byKey.set(key, list = [])
      list.push({ row, at, stage: undefined, amount, owner: undefined })
      continue
    }
    if (key === '') badRows.push({ row, code: 'missingKey', reason: `empty ${col.key}` })
    else if (name === '') badRows.push({ row, code: 'missingStage', reason: `empty ${col.stage}` })
    else if (at === null) badRows.push({ row, code: 'badTime', reason: `${col.at} "${text(r[col.at])}" is not a time` })
    if (key === '' || name === '' || at === null) continue
    const sig = `${key}\u0000${name}\u0000${at}\u0000${col.amount === undefined ? '' : text(r[col.amount])}`
    const earlier = seen.get(sig)
    if (earlier !== undefined) {
      badRows.push({ row, code: 'duplicate', reason: `same as row ${earlier}`, sameAs: earlier })
      continue
    }
    seen.set(sig, row)
    const stage = matchStageName(field, name, mapping.stageNames)
    if (stage === undefined) {
      const named = unknown.get(name)
      if (named === undefined) unknown.set(name, [row])
      else named.push(row)
    }
    const amount = col.amount === undefined ? undefined : parseAmount(r[col.amount])
    if (amount === null) badRows.push({ row, code: 'badAmount', reason: `${col.amount} "${text(r[col.amount ?? ''])}" is not a number` })
    let list = byKey.get(key)
    if (list === undefined) byKey.set(key, list = [])
    list.push({ row, at, stage, amount: amount ?? undefined, owner: col.owner === undefined ? undefined : r[col.owner] })
  }
  const records: RecordRow[] = []
  const events: StageEvent[] = []
  const rowsOf = new Map<string, number[]>()
  const eventRows = new Map<string, number>()
  const amounts = new Map<string, { at: number, to: number }[]>()
  for (const [key, changes] of byKey) {
    changes.sort((a, b) => a.at - b.at || a.row - b.row)
    const rec: RecordRow = { id: newId(), values: {}, createdAt: changes[0]!.at, updatedAt: changes[changes.length - 1]!.at, rev: 1 }
    if (mapping.keyField !== undefined) rec.values[mapping.keyField] = key
    let stage: string | null = null
    const series: { at: number, to: number }[] = []
    for (const c of changes) {
      if (c.stage !== undefined && c.stage !== stage) {
        const id = newId()
        events.push({ id, formId: mapping.formId, recordId: rec.id, fieldId: field.id, from: stage, to: c.stage, at: c.at })
        eventRows.set(id, c.row)
        stage = c.stage
      }
      if (mapping.amountField !== undefined && c.amount !== undefined) {
        rec.values[mapping.amountField] = c.amount
        if (series.at(-1)?.to !== c.amount) series.push({ at: c.at, to: c.amount })
      }
      if (mapping.ownerField !== undefined && text(c.owner) !== '') rec.values[mapping.ownerField] = c.owner
    }
    if (stage !== null) rec.values[field.id] = stage
    if (series.length) amounts.set(rec.id, series)
    rowsOf.set(rec.id, changes.map(c => c.row))
    records.push(rec)
  }
  return { records, events, unknownStages: [...unknown].map(([name, r]) => ({ name, rows: r })), badRows, rowsOf, eventRows, amounts }
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim()
}

/** undefined for an empty cell, null for one that is not a number; accepts "1,054.50". */
function parseAmount(v: unknown): number | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  const t = text(v).replace(/,/g, '')
  if (t === '') return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : null
}

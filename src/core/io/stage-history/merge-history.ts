import type { ChangeEntry, RecordRow, StageEvent } from '../../schema/types'
import { newId } from '../../utils/id'
import type { RecordPatch } from '../../records/mutations'
import { keyOf } from '../key-index'

/** How rebuilt history meets the records already in the form. */
export interface HistoryMergeInput {
  /** Records and events rebuilt from the log; each record holds its key in `keyField`. */
  records: readonly RecordRow[]
  events: readonly StageEvent[]
  /** The record field matched against the log's key column. */
  keyField: string
  existing: readonly RecordRow[]
  /** Stage events the form already holds (a re-import adds none of them again). */
  existingEvents: readonly StageEvent[]
  /** 'upsert': keys matching no record create one; 'matchOnly': they are set aside as unmatched. */
  mode: 'upsert' | 'matchOnly'
  /**
   * Fields of matched records to set from the latest history row (the stage, amount, owner
   * fields), when the user asked for it; empty keeps every value of matched records.
   */
  updateFields: readonly string[]
}

/** A history key that reached no record, and why. */
export interface UnmatchedKey {
  key: string
  /** The record rebuilt from the log for this key (its rows: `HistoryLogResult.rowsOf`). */
  recordId: string
  /** notFound: no record has the key (match-only mode); ambiguous: several records do. */
  reason: 'notFound' | 'ambiguous'
}

/** What a history import will write, and the counts the dialog shows. */
export interface HistoryMerge {
  /** New records (keys no record has) with their events. */
  creates: RecordRow[]
  createEvents: StageEvent[]
  /** Value changes of matched records (only with `updateFields`). */
  patches: RecordPatch[]
  /** New events of matched records, in time order per record. */
  appended: StageEvent[]
  /** Keys found on exactly one record. */
  matched: number
  /** Rebuilt record id -> the existing record its key matched. */
  targets: Map<string, string>
  /** Matched records that get at least one new event or value. */
  changed: number
  unmatched: UnmatchedKey[]
  /** Events the form already holds (same record, field, stage and time): not written again. */
  duplicateEvents: number
  /** Those events, by key, target stage (option id) and time, for the downloadable report. */
  duplicates: { key: string, to: string, at: number, eventId: string }[]
}

/**
 * Lays rebuilt stage history onto the form's records by key: a key held by one record appends
 * that record's missing events (same record, field, target stage and time = the same event,
 * so importing the same history again writes nothing) and, when asked, sets its current values
 * from the log; other keys create records (or, match-only, are counted unmatched, as are keys
 * several records share). No record is removed and no other value touched.
 */
export function mergeHistory(input: HistoryMergeInput): HistoryMerge {
  const byKey = new Map<string, RecordRow[]>()
  for (const r of input.existing) {
    const k = keyOf(r.values[input.keyField])
    if (k === undefined) continue
    const list = byKey.get(k)
    if (list) list.push(r)
    else byKey.set(k, [r])
  }
  const known = new Set(input.existingEvents.map(signature))
  const eventsOf = new Map<string, StageEvent[]>()
  for (const e of input.events) {
    const list = eventsOf.get(e.recordId)
    if (list) list.push(e)
    else eventsOf.set(e.recordId, [e])
  }
  const out: HistoryMerge = { creates: [], createEvents: [], patches: [], appended: [], matched: 0, targets: new Map(), changed: 0, unmatched: [], duplicateEvents: 0, duplicates: [] }
  for (const rec of input.records) {
    const key = keyOf(rec.values[input.keyField]) ?? ''
    const own = eventsOf.get(rec.id) ?? []
    const hits = byKey.get(key) ?? []
    if (hits.length > 1) {
      out.unmatched.push({ key, recordId: rec.id, reason: 'ambiguous' })
      continue
    }
    const target = hits[0]
    if (target === undefined) {
      if (input.mode === 'matchOnly') {
        out.unmatched.push({ key, recordId: rec.id, reason: 'notFound' })
        continue
      }
      out.creates.push(rec)
      out.createEvents.push(...own)
      continue
    }
    out.matched++
    out.targets.set(rec.id, target.id)
    let added = 0
    for (const e of [...own].sort((a, b) => a.at - b.at)) {
      const moved = { ...e, recordId: target.id }
      const sig = signature(moved)
      if (known.has(sig)) {
        out.duplicateEvents++
        out.duplicates.push({ key, to: e.to, at: e.at, eventId: e.id })
        continue
      }
      known.add(sig)
      out.appended.push(moved)
      added++
    }
    const values: Record<string, unknown> = {}
    for (const f of input.updateFields) {
      const v = rec.values[f]
      if (v !== undefined && JSON.stringify(v) !== JSON.stringify(target.values[f])) values[f] = v
    }
    if (Object.keys(values).length) out.patches.push({ recordId: target.id, values })
    if (added || Object.keys(values).length) out.changed++
  }
  return out
}

function signature(e: StageEvent): string {
  return `${e.recordId}\u0000${e.fieldId}\u0000${e.to}\u0000${e.at}`
}

/**
 * Backdated change entries of the amount field from a rebuilt record's amount over time (see
 * `HistoryLogResult.amounts`): one per change after the first value, on `recordId`, leaving out
 * those the form already holds (same record, time and new value), so a re-import adds none.
 */
export function amountChangeEntries(series: readonly { at: number, to: number }[], opts: { formId: string, recordId: string, fieldId: string, memberId?: string, known: ReadonlySet<string> }): ChangeEntry[] {
  const out: ChangeEntry[] = []
  for (let i = 1; i < series.length; i++) {
    const [prev, next] = [series[i - 1]!, series[i]!]
    if (opts.known.has(amountSignature(opts.recordId, next.at, next.to))) continue
    out.push({ id: newId(), formId: opts.formId, recordId: opts.recordId, at: next.at, kind: 'update', ...(opts.memberId ? { memberId: opts.memberId } : {}), changes: [{ field: opts.fieldId, from: prev.to, to: next.to }] })
  }
  return out
}

/** What makes two amount changes the same: record, time and new value. */
export function amountSignature(recordId: string, at: number, to: unknown): string {
  return `${recordId}\u0000${at}\u0000${JSON.stringify(to)}`
}

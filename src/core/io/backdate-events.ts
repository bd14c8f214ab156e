import type { FieldOf, RecordRow, StageEvent } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import { eventsFromDateColumns } from './stage-history/date-columns'

/** "Entered stage X" times: a stage of the stage field and the date field holding them. */
export interface StageDateColumn {
  stage: string
  fieldId: string
}

/**
 * Replaces the "entered its stage now" events of newly created records with backdated ones
 * built from their date fields (core `eventsFromDateColumns`). A record whose dated history
 * ends in another stage than its current one keeps the creation-time event as its last step;
 * records with no dates keep the creation event alone. Backdated records get `createdAt` =
 * their first stage entry, so cohort figures place them in the right period. Returns the new
 * transaction and the number of records whose dates could not all be read.
 */
export function withBackdatedEvents(tx: Transaction, created: readonly RecordRow[], formId: string, field: FieldOf<'stage'>, columns: readonly StageDateColumn[]): { tx: Transaction, issues: number } {
  if (columns.length === 0 || created.length === 0) return { tx, issues: 0 }
  const { events, issues } = eventsFromDateColumns(created, { formId, field, columns: columns.map(c => ({ stage: c.stage, column: c.fieldId })), dateFormat: 'iso' })
  const chains = new Map<string, StageEvent[]>()
  for (const e of events) {
    const chain = chains.get(e.recordId)
    if (chain) chain.push(e)
    else chains.set(e.recordId, [e])
  }
  const kept: StageEvent[] = []
  for (const e of tx.stageEvents ?? []) {
    const chain = e.fieldId === field.id ? chains.get(e.recordId) : undefined
    if (!chain) {
      kept.push(e)
      continue
    }
    const last = chain[chain.length - 1]
    if (last && last.to !== e.to) kept.push({ ...e, from: last.to })
  }
  // New record objects (the batch's are frozen, handed to storage as they are), frozen alike.
  const backdated = new Map<string, RecordRow>()
  for (const rec of created) {
    const first = chains.get(rec.id)?.[0]
    if (first && first.at < rec.createdAt) backdated.set(rec.id, Object.freeze({ ...rec, createdAt: first.at }))
  }
  const changes = tx.records?.[formId]
  const records = backdated.size && changes?.put
    ? { ...tx.records, [formId]: { ...changes, put: changes.put.map(r => backdated.get(r.id) ?? r) } }
    : tx.records
  return { tx: { ...tx, ...(records ? { records } : {}), stageEvents: [...events, ...kept] }, issues: new Set(issues.map(i => i.recordId)).size }
}

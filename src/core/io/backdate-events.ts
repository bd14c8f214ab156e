import type { FieldOf, RecordRow, StageEvent } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import { eventsFromDateColumns } from './stage-history'

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
  for (const rec of created) {
    const chain = chains.get(rec.id)
    if (chain?.[0]) rec.createdAt = Math.min(rec.createdAt, chain[0].at)
  }
  return { tx: { ...tx, stageEvents: [...events, ...kept] }, issues: new Set(issues.map(i => i.recordId)).size }
}

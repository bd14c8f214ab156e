// Documents pulled from the replica → one Transaction for the local adapter (applied through
// the pipeline's applyExternal). Each document is checked first (doc-check.ts); one that fails
// is skipped and listed, the rest apply.
import type { FormDef, RecordRow, WorkspaceSettings } from '../schema/types'
import type { RecordChanges, Transaction } from '../storage/adapter'
import { checkDoc, type RawDoc } from './doc-check'
import { sameValue } from './merge'

/** What the local workspace holds, as far as applying pulled documents needs to know. */
export interface LocalView {
  /** Where a record is now. */
  presence: (formId: string, recordId: string) => 'live' | 'trash' | 'none'
  /** The local row of a live or binned record. */
  rowOf: (formId: string, recordId: string) => RecordRow | undefined
  formOf: (formId: string) => FormDef | undefined
  settings: WorkspaceSettings | null
}

export interface SkippedDoc {
  id: string
  /** Who wrote it, when the document says so. */
  by?: string
  reason: string
}

export interface PulledTransaction {
  tx: Transaction
  skipped: SkippedDoc[]
  /** How many documents changed something here. */
  applied: number
  /** Files whose contents arrived (checked; the engine reads their bytes from the replica). */
  files: { key: string, mime: string }[]
}

function changesOf(tx: Transaction, formId: string): RecordChanges {
  tx.records ??= {}
  return (tx.records[formId] ??= {})
}

// The local conflict rule reads a put of rev r as built on r - 1: a pulled row is put one above
// what is here, so it is stored as it came, never reported as overwriting a local edit.
function localRow(row: RecordRow, here: RecordRow | undefined): RecordRow {
  return here === undefined ? row : { ...row, rev: Math.max(row.rev, here.rev + 1) }
}

// What this device wrote comes back from the replica (after a restart, or from another tab):
// the same content is no change.
function sameRow(a: RecordRow, b: RecordRow | undefined): boolean {
  return b !== undefined && a.updatedAt === b.updatedAt && sameValue(a.values, b.values)
}

/** Pulled documents (the winning revision of each, deleted ones included) as one transaction. */
export function transactionOfDocs(raws: RawDoc[], view: LocalView): PulledTransaction {
  const tx: Transaction = {}
  const skipped: SkippedDoc[] = []
  let applied = 0
  const batchForms = new Map<string, FormDef>()
  const droppedForms = new Set<string>()
  const files: PulledTransaction['files'] = []
  const skip = (raw: RawDoc, reason: string) => skipped.push({ id: raw._id, by: typeof raw.by === 'string' ? raw.by : undefined, reason })

  // Definitions first, so records of a form created in the same batch find it.
  const ordered = [...raws].sort((a, b) => Number(b._id.startsWith('def:')) - Number(a._id.startsWith('def:')))
  for (const raw of ordered) {
    const checked = checkDoc(raw, formId => droppedForms.has(formId) ? undefined : batchForms.get(formId) ?? view.formOf(formId))
    if (!checked.ok) {
      skip(raw, checked.reason)
      continue
    }
    const doc = checked.doc
    switch (doc.type) {
      case 'design': continue
      case 'definition': {
        tx.defs ??= {}
        if (doc.doc) {
          ;(tx.defs.put ??= []).push({ kind: doc.kind, doc: doc.doc })
          if (doc.kind === 'form') batchForms.set(doc.id, doc.doc as FormDef)
        }
        else {
          ;(tx.defs.delete ??= []).push({ kind: doc.kind, id: doc.id })
          if (doc.kind === 'form') {
            droppedForms.add(doc.id)
            ;(tx.dropForms ??= []).push(doc.id)
          }
        }
        applied++
        break
      }
      case 'settings': {
        if (!doc.settings) continue
        // "Which member is me" and the language are this device's own.
        const { currentMemberId, locale } = view.settings ?? {}
        tx.settings = { ...doc.settings, ...(currentMemberId ? { currentMemberId } : {}), ...(locale ? { locale } : {}) }
        applied++
        break
      }
      case 'record': {
        if (droppedForms.has(doc.formId)) continue
        const here = view.presence(doc.formId, doc.recordId)
        const changes = changesOf(tx, doc.formId)
        const mine = view.rowOf(doc.formId, doc.recordId)
        if (doc.row && sameRow(doc.row, mine) && (here === 'trash') === doc.trashed) continue
        if (!doc.row) {
          if (here === 'live') (changes.delete ??= []).push(doc.recordId)
          else if (here === 'trash') (changes.purge ??= []).push(doc.recordId)
          else continue
        }
        else if (doc.trashed) {
          if (here === 'trash') continue
          // Put, then bin it, in one transaction: the row lands in the bin as it came.
          ;(changes.put ??= []).push(localRow(doc.row, mine))
          ;(changes.delete ??= []).push(doc.recordId)
          changes.toTrash = true
        }
        else {
          if (here === 'trash') (changes.restore ??= []).push(doc.recordId)
          ;(changes.put ??= []).push(localRow(doc.row, mine))
        }
        applied++
        break
      }
      case 'event':
        if (doc.event) {
          ;(tx.stageEvents ??= []).push(doc.event)
          applied++
        }
        break
      case 'change':
        if (doc.change) {
          ;(tx.changes ??= []).push(doc.change)
          applied++
        }
        break
      case 'file':
        // Files are never removed from other devices (a record that lost its file keeps it in the recycle bin).
        if (doc.file) {
          files.push({ key: doc.key, mime: doc.file.mime })
          applied++
        }
        break
    }
  }
  // `toTrash` is per form: in a batch that both bins and deletes records of one form, the ones
  // deleted for good are binned and purged in the same transaction (applied in that order).
  for (const changes of Object.values(tx.records ?? {})) {
    if (!changes.toTrash || !changes.delete) continue
    const putIds = new Set((changes.put ?? []).map(r => r.id))
    const forGood = changes.delete.filter(id => !putIds.has(id))
    if (forGood.length) changes.purge = [...changes.purge ?? [], ...forGood]
  }
  for (const [formId, changes] of Object.entries(tx.records ?? {})) if (!Object.keys(changes).length) delete tx.records![formId]
  if (tx.records && !Object.keys(tx.records).length) delete tx.records
  tx.stageEvents?.sort((a, b) => a.at - b.at)
  return { tx, skipped, applied, files }
}

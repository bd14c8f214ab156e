// A committed transaction → the documents it changes on the server (layout.ts). Revisions
// (`_rev`) are the replica's business: the engine looks them up before writing.
import type { Transaction } from '../storage/adapter'
import type { RecordRow, WorkspaceBackup, WorkspaceSettings } from '../schema/types'
import {
  changeDocId,
  definitionDocId,
  eventDocId,
  fileDocId,
  recordDocId,
  SETTINGS_DOC_ID,
  SYNC_SCHEMA_VERSION,
  type SyncDoc,
} from './layout'

/** A document to write: its content, or `deleted` for a tombstone. No `_rev`. */
export type DocDraft = Omit<SyncDoc, '_rev'> | { _id: string, _deleted: true }

/** The settings every member shares: "which member is me" and the UI language stay on the device. */
export function sharedSettings(settings: WorkspaceSettings): WorkspaceSettings {
  const { currentMemberId: _mine, locale: _locale, ...shared } = settings
  return shared
}

interface Author { by: string, at: string }

function envelope<T extends SyncDoc['type'], B>(id: string, type: T, body: B, who: Author) {
  return { _id: id, type, schemaVersion: SYNC_SCHEMA_VERSION, by: who.by, at: who.at, body }
}

const tombstone = (id: string): DocDraft => ({ _id: id, _deleted: true })

/**
 * The documents of one transaction. `binned(formId, id)` gives a record that the transaction
 * moves to the recycle bin as it was (its row is not in the transaction); a record it cannot
 * give is written as deleted. `dropForms` are left to the caller, which knows every document id
 * of a form.
 */
export function docsOfTransaction(
  tx: Transaction,
  who: Author,
  binned: (formId: string, recordId: string) => RecordRow | undefined,
): DocDraft[] {
  const docs = new Map<string, DocDraft>()
  const add = (doc: DocDraft) => docs.set(doc._id, doc)
  for (const { kind, id } of tx.defs?.delete ?? []) add(tombstone(definitionDocId(kind, id)))
  for (const { kind, doc } of tx.defs?.put ?? []) add(envelope(definitionDocId(kind, doc.id), 'definition', doc, who) as DocDraft)
  if (tx.settings) add(envelope(SETTINGS_DOC_ID, 'settings', sharedSettings(tx.settings), who) as DocDraft)
  for (const [formId, changes] of Object.entries(tx.records ?? {})) {
    for (const row of changes.put ?? []) add(envelope(recordDocId(formId, row.id), 'record', row, who) as DocDraft)
    for (const id of changes.delete ?? []) {
      const row = changes.toTrash ? binned(formId, id) : undefined
      add(row ? envelope(recordDocId(formId, id), 'record', { ...row, trashed: true }, who) as DocDraft : tombstone(recordDocId(formId, id)))
    }
    for (const id of changes.purge ?? []) add(tombstone(recordDocId(formId, id)))
  }
  for (const event of tx.stageEvents ?? []) add(envelope(eventDocId(event.formId, event.id), 'event', event, who) as DocDraft)
  for (const change of tx.changes ?? []) add(envelope(changeDocId(change.formId, change.id), 'change', change, who) as DocDraft)
  return [...docs.values()]
}

/** Every document of a workspace (its first publish), from a backup of it. */
export function docsOfWorkspace(backup: WorkspaceBackup, who: Author): DocDraft[] {
  const docs: DocDraft[] = []
  const push = <T extends SyncDoc['type'], B>(id: string, type: T, body: B) => docs.push(envelope(id, type, body, who) as DocDraft)
  push(SETTINGS_DOC_ID, 'settings', sharedSettings(backup.settings))
  for (const app of backup.apps) push(definitionDocId('app', app.id), 'definition', app)
  for (const form of backup.forms) push(definitionDocId('form', form.id), 'definition', form)
  for (const view of backup.views) push(definitionDocId('view', view.id), 'definition', view)
  for (const dashboard of backup.dashboards) push(definitionDocId('dashboard', dashboard.id), 'definition', dashboard)
  for (const [formId, rows] of Object.entries(backup.records)) for (const row of rows) push(recordDocId(formId, row.id), 'record', row)
  for (const [formId, rows] of Object.entries(backup.trash)) for (const row of rows) push(recordDocId(formId, row.id), 'record', { ...row, trashed: true })
  for (const event of backup.stageEvents) push(eventDocId(event.formId, event.id), 'event', event)
  for (const change of backup.changes) push(changeDocId(change.formId, change.id), 'change', change)
  for (const blob of backup.blobs ?? []) {
    docs.push({ ...envelope(fileDocId(blob.key), 'file', { key: blob.key, mime: blob.mime, size: blob.size }, who), _attachments: { content: { content_type: blob.mime || 'application/octet-stream', data: blob.data } } } as DocDraft)
  }
  return docs
}

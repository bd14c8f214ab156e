// Joining a workspace: every document pulled from the server → one backup, restored locally in
// one atomic write (the adapter's importBackup). Documents that fail their checks are skipped
// and listed, as on every pull.
import type { FormDef, WorkspaceBackup, WorkspaceSettings } from '../schema/types'
import { SCHEMA_VERSION } from '../schema/types'
import { checkDoc, type RawDoc } from './doc-check'
import type { SkippedDoc } from './docs-tx'

export interface JoinedWorkspace {
  backup: WorkspaceBackup
  skipped: SkippedDoc[]
}

export function backupOfDocs(raws: RawDoc[], fallbackSettings: WorkspaceSettings, now: number): JoinedWorkspace {
  const backup: WorkspaceBackup = {
    schemaVersion: SCHEMA_VERSION, kind: 'funnelgrid-backup', exportedAt: now, settings: fallbackSettings,
    apps: [], forms: [], views: [], dashboards: [], records: {}, trash: {}, stageEvents: [], changes: [],
  }
  const skipped: SkippedDoc[] = []
  const forms = new Map<string, FormDef>()
  const live = raws.filter(raw => !raw._deleted)
  const definitions = live.filter(raw => raw._id.startsWith('def:'))
  const rest = live.filter(raw => !raw._id.startsWith('def:'))
  for (const raw of [...definitions, ...rest]) {
    const checked = checkDoc(raw, formId => forms.get(formId))
    if (!checked.ok) {
      skipped.push({ id: raw._id, by: typeof raw.by === 'string' ? raw.by : undefined, reason: checked.reason })
      continue
    }
    const doc = checked.doc
    switch (doc.type) {
      case 'definition':
        if (!doc.doc) break
        if (doc.kind === 'form') {
          forms.set(doc.id, doc.doc as FormDef)
          backup.forms.push(doc.doc as FormDef)
        }
        else if (doc.kind === 'app') backup.apps.push(doc.doc as WorkspaceBackup['apps'][number])
        else if (doc.kind === 'view') backup.views.push(doc.doc as WorkspaceBackup['views'][number])
        else backup.dashboards.push(doc.doc as WorkspaceBackup['dashboards'][number])
        break
      case 'settings':
        if (doc.settings) backup.settings = doc.settings
        break
      case 'record':
        if (doc.row) (doc.trashed ? (backup.trash[doc.formId] ??= []) : (backup.records[doc.formId] ??= [])).push(doc.row)
        break
      case 'event':
        if (doc.event) backup.stageEvents.push(doc.event)
        break
      case 'change':
        if (doc.change) backup.changes.push(doc.change)
        break
      case 'file':
        // Read with its bytes (attachments: true): a file without them is not in the backup.
        if (doc.file?.base64 !== undefined) (backup.blobs ??= []).push({ key: doc.key, mime: doc.file.mime, size: doc.file.size, data: doc.file.base64 })
        else if (doc.file) skipped.push({ id: raw._id, by: typeof raw.by === 'string' ? raw.by : undefined, reason: 'its contents were not included' })
        break
      case 'design':
        break
    }
  }
  // Records in creation order (ties by id), the same on every device that joins.
  for (const rows of [...Object.values(backup.records), ...Object.values(backup.trash)]) rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  backup.stageEvents.sort((a, b) => a.at - b.at)
  backup.changes.sort((a, b) => a.at - b.at)
  return { backup, skipped }
}

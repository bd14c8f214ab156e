import type { RecordRow, WorkspaceBackup } from '../schema/types'
import { SCHEMA_VERSION } from '../schema/types'
import type { DefinitionKind, RecordChanges, Transaction } from './adapter'
import type { WorkspaceState } from './workspace-state'
import { DEFINITION_KINDS } from './workspace-state'

/**
 * A backup of `state`. Canonical order: definitions in insertion order, forms' records, trash,
 * stage events and changes grouped by form id in ascending order, each in insertion order.
 * Every form with stored data is listed in `records` and `trash`, even when empty.
 * Shares objects with `state`: clone before handing out.
 */
export function stateToBackup(state: WorkspaceState, exportedAt: number): WorkspaceBackup {
  const formIds = [...state.forms.keys()].sort()
  const backup: WorkspaceBackup = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'funnelgrid-backup',
    exportedAt,
    settings: state.settings ?? { schemaVersion: SCHEMA_VERSION, members: [] },
    apps: [...state.defs.app.values()],
    forms: [...state.defs.form.values()],
    views: [...state.defs.view.values()],
    dashboards: [...state.defs.dashboard.values()],
    records: {},
    stageEvents: [],
    changes: [],
    trash: {},
  }
  for (const formId of formIds) {
    const data = state.forms.get(formId)
    if (!data) continue
    backup.records[formId] = [...data.records.values()]
    backup.trash[formId] = [...data.trash.values()]
    // One by one: spreading 400k events into push() exceeds the engine's argument limit.
    for (const event of data.events.values()) backup.stageEvents.push(event)
    for (const change of data.changes.values()) backup.changes.push(change)
  }
  return backup
}

/** Problems that make `backup` unusable (empty: usable). Field-level checks belong to the JSON Schema. */
export function checkBackup(backup: WorkspaceBackup): string[] {
  const b: Partial<WorkspaceBackup> | null = typeof backup === 'object' ? backup : null
  if (!b || b.kind !== 'funnelgrid-backup') return ['this is not a FunnelGrid backup (kind must be "funnelgrid-backup")']
  const problems: string[] = []
  if (typeof b.schemaVersion !== 'number') problems.push('the backup has no schemaVersion')
  for (const key of ['apps', 'forms', 'views', 'dashboards', 'stageEvents', 'changes'] as const) {
    if (!Array.isArray(b[key])) problems.push(`the backup's ${key} is not a list`)
  }
  for (const key of ['records', 'trash'] as const) {
    const rows = b[key]
    if (typeof rows !== 'object' || rows === null || Object.values(rows).some(r => !Array.isArray(r))) {
      problems.push(`the backup's ${key} must map form ids to lists of records`)
    }
  }
  if (typeof b.settings !== 'object' || b.settings === null) problems.push('the backup has no settings')
  return problems
}

/** What is stored now and must go when a backup replaces the workspace. */
export interface ReplacedContent {
  forms: Iterable<string>
  defs: Iterable<{ kind: DefinitionKind, id: string }>
}

/**
 * The transaction that turns a workspace holding `current` into exactly `backup`: drop every
 * form and definition, then put the backup's content (binned rows are put, then moved to the
 * bin, so the bin keeps the backup's order).
 */
export function replaceTransaction(backup: WorkspaceBackup, current: ReplacedContent): Transaction {
  const formIds = new Set([...current.forms, ...Object.keys(backup.records), ...Object.keys(backup.trash)])
  const records: Record<string, RecordChanges> = {}
  for (const formId of formIds) {
    const live: RecordRow[] = backup.records[formId] ?? []
    const binned: RecordRow[] = backup.trash[formId] ?? []
    if (!(formId in backup.records) && !(formId in backup.trash)) continue
    records[formId] = binned.length === 0
      ? { put: live }
      : { put: [...live, ...binned], delete: binned.map(r => r.id), toTrash: true }
  }
  const docs = { app: backup.apps, form: backup.forms, view: backup.views, dashboard: backup.dashboards }
  return {
    dropForms: [...formIds],
    defs: {
      delete: [...current.defs],
      put: DEFINITION_KINDS.flatMap(kind => docs[kind].map(doc => ({ kind, doc }))),
    },
    settings: backup.settings,
    records,
    stageEvents: backup.stageEvents,
    changes: backup.changes,
  }
}

/** Every stored definition as kind and id (what `replaceTransaction` must delete). */
export function definitionKeysOf(state: WorkspaceState): { kind: DefinitionKind, id: string }[] {
  return DEFINITION_KINDS.flatMap(kind => [...state.defs[kind].keys()].map(id => ({ kind, id })))
}

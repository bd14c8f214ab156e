import type { ChangeEntry, StageEvent } from '../schema/types'
import type { Definitions } from './adapter'
import type { WorkspaceState } from './workspace-state'

/** The definitions and settings of `state` (shared objects: clone before handing out). */
export function definitionsOf(state: WorkspaceState): Definitions {
  return {
    settings: state.settings,
    apps: [...state.defs.app.values()],
    forms: [...state.defs.form.values()],
    views: [...state.defs.view.values()],
    dashboards: [...state.defs.dashboard.values()],
  }
}

/** Stage events of a form (of one record when given), ordered by `at`, ties in insertion order. */
export function stageEventsOf(state: WorkspaceState, formId: string, recordId?: string): StageEvent[] {
  const all = [...state.forms.get(formId)?.events.values() ?? []]
  const picked = recordId === undefined ? all : all.filter(e => e.recordId === recordId)
  return picked.sort((a, b) => a.at - b.at)
}

/** Change log of one record, oldest first, ties in insertion order. */
export function changesOf(state: WorkspaceState, formId: string, recordId: string): ChangeEntry[] {
  const all = [...state.forms.get(formId)?.changes.values() ?? []]
  return all.filter(c => c.recordId === recordId).sort((a, b) => a.at - b.at)
}

/**
 * The form's change entries that change `fieldId`, oldest first (ties in insertion order), each
 * a new entry carrying only that field's change (the change itself shared: clone before handing out).
 */
export function fieldChangesOf(state: WorkspaceState, formId: string, fieldId: string): ChangeEntry[] {
  const out: ChangeEntry[] = []
  for (const c of state.forms.get(formId)?.changes.values() ?? []) {
    const ch = c.changes?.find(x => x.field === fieldId)
    if (ch) out.push({ ...c, changes: [ch] })
  }
  return out.sort((a, b) => a.at - b.at)
}

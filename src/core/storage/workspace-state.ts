import type {
  AppDef,
  ChangeEntry,
  DashboardDef,
  FormDef,
  RecordRow,
  ViewDef,
  WorkspaceSettings,
} from '../schema/types'
import type { DefinitionKind, DefinitionKinds } from './adapter'
import { EventLog } from '../events/event-log'
import { ChunkedIdMap } from '../utils/chunked-id-map'

/**
 * Everything stored for one form. Every collection is a Map keyed by id, kept in insertion
 * order: that order is the order `loadRecords` returns and a backup lists.
 */
export interface FormData {
  records: Map<string, RecordRow>
  trash: Map<string, RecordRow>
  /** Stage events as columns (core/events EventLog), keyed by id like the other collections. */
  events: EventLog
  changes: Map<string, ChangeEntry>
}

/** Definition documents per kind, keyed by id, in insertion order. */
export type DefinitionMaps = { [K in DefinitionKind]: Map<string, DefinitionKinds[K]> }

/** The in-memory image of a workspace that both adapters keep and `applyTransaction` edits. */
export interface WorkspaceState {
  settings: WorkspaceSettings | null
  defs: DefinitionMaps
  /** Per-form data. A form absent here has no records, trash, events or changes. */
  forms: Map<string, FormData>
}

/** The definition kinds, in the order a backup lists them. */
export const DEFINITION_KINDS: readonly DefinitionKind[] = ['app', 'form', 'view', 'dashboard']

/** Empty storage for one form; its records Map takes a read's chunks whole (ChunkedIdMap). */
export function emptyFormData(): FormData {
  return { records: new ChunkedIdMap(), trash: new Map(), events: new EventLog(), changes: new Map() }
}

/** An empty workspace. */
export function createWorkspaceState(): WorkspaceState {
  return {
    settings: null,
    defs: {
      app: new Map<string, AppDef>(),
      form: new Map<string, FormDef>(),
      view: new Map<string, ViewDef>(),
      dashboard: new Map<string, DashboardDef>(),
    },
    forms: new Map(),
  }
}

/** The data of a form, created empty on first use. */
export function formDataOf(state: WorkspaceState, formId: string): FormData {
  let data = state.forms.get(formId)
  if (!data) {
    data = emptyFormData()
    state.forms.set(formId, data)
  }
  return data
}

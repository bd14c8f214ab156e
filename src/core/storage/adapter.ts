import type {
  AppDef,
  ChangeEntry,
  DashboardDef,
  FormDef,
  RecordRow,
  StageEvent,
  ViewDef,
  WorkspaceBackup,
  WorkspaceSettings,
} from '../schema/types'
import type { RecordConflict } from './conflicts'
import type { StageEventColumns } from '../events/columns'

/** The kinds of definition documents the adapter stores, keyed by their `id`. */
export interface DefinitionKinds {
  app: AppDef
  form: FormDef
  view: ViewDef
  dashboard: DashboardDef
}
export type DefinitionKind = keyof DefinitionKinds

export interface Definitions {
  settings: WorkspaceSettings | null
  apps: AppDef[]
  forms: FormDef[]
  views: ViewDef[]
  dashboards: DashboardDef[]
}

/** Record changes of one form inside a transaction. `put` holds whole records. */
export interface RecordChanges {
  put?: RecordRow[]
  /** Ids removed from the form (moved to the recycle bin when `toTrash`). */
  delete?: string[]
  toTrash?: boolean
  /** Ids restored from the recycle bin (their rows come in `put`). */
  restore?: string[]
  /** Ids purged from the recycle bin for good. */
  purge?: string[]
}

/**
 * Everything one user action changes, written all-or-nothing. Readers never see half a
 * transaction: after a crash either all of it or none of it is there.
 */
export interface Transaction {
  records?: Record<string, RecordChanges>
  stageEvents?: StageEvent[]
  changes?: ChangeEntry[]
  defs?: {
    put?: { kind: DefinitionKind, doc: DefinitionKinds[DefinitionKind] }[]
    delete?: { kind: DefinitionKind, id: string }[]
  }
  settings?: WorkspaceSettings
  /** Forms whose records, trash, events and changes are dropped entirely. */
  dropForms?: string[]
}

/** How far a streamed open has read a form: records handed out so far, records stored. */
export interface LoadProgress {
  loaded: number
  /** An estimate while loading (never below `loaded`); exact in the last call. */
  total: number
}

/** Options of `StorageAdapter.loadRecords`. */
export interface LoadRecordsOptions {
  onRows?: (rows: RecordRow[], progress: LoadProgress) => void
}

/** File contents to store under `key` (the `key` of an attachment or image value). */
export interface BlobPut {
  key: string
  blob: Blob
}

/**
 * A change this tab's screen must show: committed by another tab (or another adapter
 * instance) of the same workspace, or this tab's own commit when storage holds its records
 * at another rev than it sent (see src/core/storage/conflicts.ts). Puts are the versions
 * storage holds; older ones are left out.
 */
export interface ExternalChange {
  tx: Transaction
  /** Versions this tab stored that the change overwrote (a later commit won): tell the user. */
  overwritten?: RecordConflict[]
  /** File contents (blob keys) that arrived from elsewhere (team sync): previews shown as missing may load now. */
  blobs?: string[]
  /**
   * Records this device merged from two versions (team sync): their computed values (formulas,
   * lookups, rollups) were taken from one side and are recomputed here.
   */
  recompute?: { formId: string, ids: string[] }
}

/** Why a write failed, so the UI can say it plainly. */
export type StorageErrorCode = 'quota' | 'blocked' | 'unavailable' | 'invalid' | 'lost' | 'unknown'

export class StorageError extends Error {
  readonly code: StorageErrorCode
  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StorageError'
    this.code = code
  }
}

/**
 * The only door to persistence. Nothing above this interface may assume IndexedDB: a team
 * adapter could talk to a server database instead.
 */
export interface StorageAdapter {
  /** All definitions and the workspace settings. */
  loadDefinitions: () => Promise<Definitions>
  /**
   * All live records of a form, in insertion order. Treat them as read-only: an adapter may
   * hand out its own rows frozen instead of copies (the localforage adapter does).
   * `onRows` (a streamed open): an adapter that reads the form in parts may hand out each next
   * slice as it is read; when it calls `onRows` at all, it calls it for every record, in order,
   * before the promise resolves with the same rows. Adapters that read at once ignore it.
   */
  loadRecords: (formId: string, options?: LoadRecordsOptions) => Promise<RecordRow[]>
  /** Records of a form in the recycle bin. */
  loadTrash: (formId: string) => Promise<RecordRow[]>
  /** Stage events of a form (optionally of one record), ordered by `at`; they may be the adapter's own, frozen (never edit them). */
  loadStageEvents: (formId: string, recordId?: string) => Promise<StageEvent[]>
  /**
   * A form's stage events as columns (core/events), ordered by `at` like `loadStageEvents`: what
   * the history store holds, read without an object per event. A snapshot the caller may append
   * to (`appendColumns` copies or writes past its length); never write inside it.
   */
  loadStageEventColumns: (formId: string) => Promise<StageEventColumns>
  /** Change log of one record, oldest first. */
  loadChanges: (formId: string, recordId: string) => Promise<ChangeEntry[]>
  /**
   * The whole form's change entries that change `fieldId` (every record), oldest first, each
   * carrying only that field's change: a field's history across the form (the waterfall's
   * amount changes) without copying every other field's changes.
   */
  loadFieldChanges: (formId: string, fieldId: string) => Promise<ChangeEntry[]>
  /**
   * Write a transaction atomically. Rejects with StorageError; nothing is half-written. Puts
   * follow the conflict rule (src/core/storage/conflicts.ts): the commit that lands last wins;
   * a put over a version its writer never read is stored with a higher rev, and the tab whose
   * version it overwrote hears of it in `ExternalChange.overwritten`.
   */
  commit: (tx: Transaction) => Promise<void>
  /** Everything, for a backup file. */
  exportBackup: () => Promise<WorkspaceBackup>
  /** Replace the whole workspace with a backup (atomic). */
  importBackup: (backup: WorkspaceBackup) => Promise<void>
  /**
   * Store file contents. Write them before committing the record that refers to them, so no
   * record points at a missing blob; an upload never saved stays an orphan until
   * `cleanupBlobs`. Rejects with StorageError.
   */
  putBlobs: (blobs: BlobPut[]) => Promise<void>
  /** The contents stored under `key`, or null when there are none. */
  getBlob: (key: string) => Promise<Blob | null>
  /** Remove contents for good; unknown keys are ignored. */
  deleteBlobs: (keys: string[]) => Promise<void>
  /**
   * Remove contents that no live or binned record refers to (a commit that purges, deletes
   * for good or drops forms runs it). Returns how many were removed.
   */
  cleanupBlobs: () => Promise<number>
  /** Subscribe to changes committed elsewhere (other tabs). Returns an unsubscribe function. */
  onExternalChange: (listener: (change: ExternalChange) => void) => () => void
  /**
   * Subscribe to the loss of the storage under the open workspace (the browser's "clear site
   * data", eviction, another page deleting the database). From then on commits are refused
   * with StorageError('lost') but kept in memory, and `exportBackup` returns what memory holds
   * (the unsaved changes included). Adapters that cannot lose their storage leave it out.
   */
  onStorageLost?: (listener: () => void) => () => void
  /** Release resources (channels, handles). */
  close: () => Promise<void>
}

// The document layout of a workspace on a CouchDB server: one database per workspace, one
// document per definition, record, stage event and change entry, ids stable and deterministic.
// Shared by the client sync engine, the server admin calls and the design document's
// validate_doc_update (which repeats these rules in its own source string: keep them in step).
import type { AppDef, ChangeEntry, DashboardDef, FormDef, RecordRow, StageEvent, ViewDef, WorkspaceSettings } from '../schema/types'

/** The schemaVersion every document this app writes carries; validate_doc_update refuses others. */
export const SYNC_SCHEMA_VERSION = 1
export const KNOWN_SYNC_SCHEMA_VERSIONS: readonly number[] = [SYNC_SCHEMA_VERSION]

/** The design document that holds validate_doc_update. */
export const DESIGN_DOC_ID = '_design/funnelgrid'
export const SETTINGS_DOC_ID = 'settings'

// CouchDB's rule for database names.
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/
const DATABASE_NAME_MAX = 238

export function isValidDatabaseName(name: string): boolean {
  return name.length <= DATABASE_NAME_MAX && DATABASE_NAME.test(name)
}

/** `funnelgrid-` + the workspace id, lowercased, every character CouchDB refuses replaced by `-`. */
export function databaseNameFor(workspaceId: string): string {
  const tail = workspaceId.toLowerCase().replace(/[^a-z0-9_$()+/-]/g, '-')
  return `funnelgrid-${tail}`.slice(0, DATABASE_NAME_MAX)
}

export type DefinitionKind = 'app' | 'form' | 'view' | 'dashboard'
export const DEFINITION_KINDS: readonly DefinitionKind[] = ['app', 'form', 'view', 'dashboard']

export type SyncDocType = 'definition' | 'settings' | 'record' | 'event' | 'change' | 'file'

/** The id prefix of each document type (settings has the fixed id `settings`). */
export const ID_PREFIX = { definition: 'def', record: 'rec', event: 'evt', change: 'chg', file: 'fil' } as const

/** What an id says about its document; null for an id this layout does not produce. */
export type ParsedDocId
  = | { type: 'definition', kind: DefinitionKind, id: string }
    | { type: 'settings' }
    | { type: 'record', formId: string, recordId: string }
    | { type: 'event', formId: string, eventId: string }
    | { type: 'change', formId: string, changeId: string }
    | { type: 'file', key: string }
    | { type: 'design' }

// The middle segment (kind or form id) must not contain ':', so every id parses back to its
// parts; the last segment is the rest of the id and may contain anything but must not be empty.
function part(value: string, what: string, middle: boolean): string {
  if (!value) throw new Error(`Sync document id: the ${what} is empty`)
  if (middle && value.includes(':')) throw new Error(`Sync document id: the ${what} "${value}" contains ":"`)
  return value
}

export function definitionDocId(kind: DefinitionKind, id: string): string {
  return `${ID_PREFIX.definition}:${kind}:${part(id, `${kind} id`, false)}`
}
export function recordDocId(formId: string, recordId: string): string {
  return `${ID_PREFIX.record}:${part(formId, 'form id', true)}:${part(recordId, 'record id', false)}`
}
export function eventDocId(formId: string, eventId: string): string {
  return `${ID_PREFIX.event}:${part(formId, 'form id', true)}:${part(eventId, 'event id', false)}`
}
export function changeDocId(formId: string, changeId: string): string {
  return `${ID_PREFIX.change}:${part(formId, 'form id', true)}:${part(changeId, 'change id', false)}`
}

/** The contents of an attachment or image value (`key` as its values name it): `fil:blob:<key>`, the bytes as its `content` attachment. */
export function fileDocId(key: string): string {
  return `${ID_PREFIX.file}:blob:${part(key, 'file key', false)}`
}

function splitThree(id: string): [string, string, string] | null {
  const a = id.indexOf(':')
  if (a <= 0) return null
  const b = id.indexOf(':', a + 1)
  if (b <= a + 1 || b === id.length - 1) return null
  return [id.slice(0, a), id.slice(a + 1, b), id.slice(b + 1)]
}

export function parseDocId(id: string): ParsedDocId | null {
  if (id === SETTINGS_DOC_ID) return { type: 'settings' }
  if (id === DESIGN_DOC_ID) return { type: 'design' }
  const parts = splitThree(id)
  if (!parts) return null
  const [prefix, middle, rest] = parts
  switch (prefix) {
    case ID_PREFIX.definition:
      return (DEFINITION_KINDS as readonly string[]).includes(middle) ? { type: 'definition', kind: middle as DefinitionKind, id: rest } : null
    case ID_PREFIX.record: return { type: 'record', formId: middle, recordId: rest }
    case ID_PREFIX.event: return { type: 'event', formId: middle, eventId: rest }
    case ID_PREFIX.change: return { type: 'change', formId: middle, changeId: rest }
    case ID_PREFIX.file: return middle === 'blob' ? { type: 'file', key: rest } : null
    default: return null
  }
}

/** A record as stored on the server: the row, and whether it sits in the recycle bin. */
export type RecordBody = RecordRow & { trashed?: boolean }
export type DefinitionBody = AppDef | FormDef | ViewDef | DashboardDef

interface SyncDocOf<T extends SyncDocType, B> {
  _id: string
  _rev?: string
  _deleted?: boolean
  type: T
  schemaVersion: typeof SYNC_SCHEMA_VERSION
  /** CouchDB user name of the writer (validate_doc_update checks it equals userCtx.name). */
  by: string
  /** ISO time of the write. */
  at: string
  body: B
}

export type DefinitionDoc = SyncDocOf<'definition', DefinitionBody>
export type SettingsDoc = SyncDocOf<'settings', WorkspaceSettings>
export type RecordDoc = SyncDocOf<'record', RecordBody>
export type EventDoc = SyncDocOf<'event', StageEvent>
export type ChangeDoc = SyncDocOf<'change', ChangeEntry>
/** What a file document says of its bytes (the bytes are its `content` attachment). */
export interface FileBody { key: string, mime: string, size: number }
/** An attachment as written (`data`: base64, a Blob or a Buffer) or as read without its bytes (`stub`). */
export interface FileAttachment { content_type: string, data?: unknown, stub?: boolean, length?: number }
export type FileDoc = SyncDocOf<'file', FileBody> & { _attachments?: { content: FileAttachment } }
export type SyncDoc = DefinitionDoc | SettingsDoc | RecordDoc | EventDoc | ChangeDoc | FileDoc

/** The largest file synced (the largest a file field may allow). */
export const MAX_SYNC_FILE_BYTES = 100 * 2 ** 20

/** The document type an id must carry (validate_doc_update refuses a mismatch). */
export function typeForId(id: string): SyncDocType | null {
  const parsed = parseDocId(id)
  return parsed && parsed.type !== 'design' ? parsed.type : null
}

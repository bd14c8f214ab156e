// The part of PouchDB's API the sync engine uses, typed here: @types/pouchdb-core declares a
// global `Buffer` that breaks Node's own typings, so tsconfig maps the PouchDB packages to
// tools/pouchdb-modules.d.ts and the engine uses these types.

export interface PouchDoc {
  _id: string
  _rev?: string
  _deleted?: boolean
  _conflicts?: string[]
  _revisions?: { start: number, ids: string[] }
  [key: string]: unknown
}

export interface AllDocsRow {
  id: string
  key: string
  value?: { rev: string, deleted?: boolean }
  error?: string
  doc?: PouchDoc | null
}

export interface BulkResult {
  ok?: boolean
  id?: string
  rev?: string
  status?: number
  error?: string | boolean
  name?: string
  message?: string
}

export interface ChangesResult {
  results: { id: string, seq: number | string, changes: { rev: string }[], doc?: PouchDoc, deleted?: boolean }[]
  last_seq: number | string
}

export interface EventEmitterLike {
  // Each PouchDB event has its own payload; listeners declare theirs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on: (event: string, listener: (...args: any[]) => void) => this
  cancel: () => void
}

export interface PouchDatabase {
  name: string
  info: () => Promise<{ doc_count: number, update_seq: number | string }>
  get: (id: string, opts?: Record<string, unknown>) => Promise<PouchDoc & PouchDoc[]>
  put: (doc: PouchDoc) => Promise<BulkResult>
  allDocs: (opts?: Record<string, unknown>) => Promise<{ rows: AllDocsRow[], total_rows: number }>
  bulkDocs: (docs: PouchDoc[], opts?: Record<string, unknown>) => Promise<BulkResult[]>
  /** Which of these revisions the database lacks (ids it has them all for are left out). */
  revsDiff: (diff: Record<string, string[]>) => Promise<Record<string, { missing: string[] }>>
  changes: ((opts: Record<string, unknown> & { live: true }) => EventEmitterLike) & ((opts?: Record<string, unknown>) => Promise<ChangesResult>)
  destroy: () => Promise<unknown>
  close: () => Promise<unknown>
}

export type Replication = EventEmitterLike & PromiseLike<unknown>

export interface PouchStatic {
  new (name: string, opts?: Record<string, unknown>): PouchDatabase
  replicate: (source: PouchDatabase | string, target: PouchDatabase | string, opts?: Record<string, unknown>) => Replication
  sync: (a: PouchDatabase | string, b: PouchDatabase | string, opts?: Record<string, unknown>) => Replication
  fetch: (url: string, opts?: RequestInit) => Promise<Response>
  plugin: (plugin: unknown) => PouchStatic
}

// The CouchDB HTTP calls FunnelGrid makes besides replication: sign in (`_session` cookie),
// create a workspace database with its `_security` and design document, and manage members.
// Plain fetch, so it runs in the browser (cookie auth, credentials included) and in Node
// (tests and tools pass an Authorization header instead).
import type { UserCtx, WorkspaceRole, SecurityObject } from './roles'
import { designDocument, type DesignDoc } from './design-doc'
import { DESIGN_DOC_ID, isValidDatabaseName } from './layout'

export type SyncServerErrorKind
  = 'url' | 'unreachable' | 'cors' | 'auth' | 'forbidden' | 'not-found' | 'exists' | 'server'

/** A failed server call, with the kind the UI turns into "what is wrong, what to do". */
export class SyncServerError extends Error {
  readonly kind: SyncServerErrorKind
  readonly status?: number
  constructor(kind: SyncServerErrorKind, message: string, status?: number) {
    super(message)
    this.name = 'SyncServerError'
    this.kind = kind
    this.status = status
  }
}

export interface ServerConnection {
  /** Server root, normalised by `normalizeServerUrl` (ends with `/`). */
  url: string
  /** Extra headers (Node: `Authorization: Basic …`); the browser relies on the session cookie. */
  headers?: Record<string, string>
  fetch?: typeof fetch
}

/** `https://host:port/` from what a user typed; refuses anything that is not http(s). */
export function normalizeServerUrl(input: string): string {
  const text = input.trim()
  let url: URL
  try {
    url = new URL(text)
  }
  catch {
    throw new SyncServerError('url', `"${text}" is not a server address; expected something like https://couch.example.com:6984/`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncServerError('url', `The server address must start with http:// or https:// (got "${url.protocol}")`)
  if (url.username || url.password) throw new SyncServerError('url', 'Leave the user name and password out of the address; sign in below instead')
  url.search = ''
  url.hash = ''
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

interface CouchErrorBody { error?: string, reason?: string }

function kindOfStatus(status: number): SyncServerErrorKind {
  if (status === 401) return 'auth'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 409 || status === 412) return 'exists'
  return 'server'
}

async function call<T>(conn: ServerConnection, method: string, path: string, body?: unknown): Promise<T> {
  const doFetch = conn.fetch ?? fetch
  const headers: Record<string, string> = { Accept: 'application/json', ...conn.headers }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let res: Response
  try {
    res = await doFetch(conn.url + path, { method, headers, credentials: 'include', body: body === undefined ? undefined : JSON.stringify(body) })
  }
  catch (error) {
    throw await unreachable(conn, error)
  }
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  }
  catch {
    if (res.ok) throw new SyncServerError('server', `${conn.url} answered ${method} /${path} with something that is not JSON; is this a CouchDB server?`, res.status)
  }
  if (!res.ok) {
    const err = (json ?? {}) as CouchErrorBody
    const reason = err.reason || err.error || res.statusText || `HTTP ${res.status}`
    throw new SyncServerError(kindOfStatus(res.status), reason, res.status)
  }
  return json as T
}

// fetch says only "failed": tell a server that is down from one that does not allow this page
// (CORS), by asking again without CORS (an opaque answer means the server is there).
async function unreachable(conn: ServerConnection, error: unknown): Promise<SyncServerError> {
  const doFetch = conn.fetch ?? fetch
  const location = (globalThis as { location?: { origin?: string } }).location
  if (location?.origin) {
    try {
      await doFetch(conn.url, { mode: 'no-cors', credentials: 'omit' })
      return new SyncServerError('cors', `${conn.url} answers, but does not allow this page (${location.origin}) to use it: add this address to the server's CORS origins and allow credentials`)
    }
    catch { /* down */ }
  }
  const why = error instanceof Error ? error.message : String(error)
  return new SyncServerError('unreachable', `Cannot reach ${conn.url} (${why}): check the address and that the server is running`)
}

interface SessionAnswer { ok?: boolean, userCtx?: UserCtx, name?: string | null, roles?: string[] }

/** Sign in with CouchDB's cookie session; the password goes to the server only. */
export async function signIn(conn: ServerConnection, name: string, password: string): Promise<UserCtx> {
  try {
    const answer = await call<SessionAnswer>(conn, 'POST', '_session', { name, password })
    return { name: answer.name ?? name, roles: answer.roles ?? [] }
  }
  catch (error) {
    if (error instanceof SyncServerError && error.kind === 'auth') throw new SyncServerError('auth', `The server refused user "${name}" with that password`, 401)
    throw error
  }
}

/** Who the session cookie (or the headers) say we are; `name` null when signed out. */
export async function currentSession(conn: ServerConnection): Promise<UserCtx> {
  const answer = await call<SessionAnswer>(conn, 'GET', '_session')
  return answer.userCtx ?? { name: null, roles: [] }
}

export async function signOut(conn: ServerConnection): Promise<void> {
  await call(conn, 'DELETE', '_session')
}

function dbPath(db: string): string {
  if (!isValidDatabaseName(db)) throw new SyncServerError('url', `"${db}" is not a valid CouchDB database name`)
  return encodeURIComponent(db)
}

export async function databaseExists(conn: ServerConnection, db: string): Promise<boolean> {
  try {
    await call(conn, 'GET', dbPath(db))
    return true
  }
  catch (error) {
    if (error instanceof SyncServerError && error.kind === 'not-found') return false
    throw error
  }
}

/** How many documents a database holds (design documents included). */
export async function documentCount(conn: ServerConnection, db: string): Promise<number> {
  return (await call<{ doc_count: number }>(conn, 'GET', dbPath(db))).doc_count
}

export async function readSecurity(conn: ServerConnection, db: string): Promise<SecurityObject> {
  return (await call<SecurityObject | null>(conn, 'GET', `${dbPath(db)}/_security`)) ?? {}
}

export async function writeSecurity(conn: ServerConnection, db: string, security: SecurityObject): Promise<void> {
  await call(conn, 'PUT', `${dbPath(db)}/_security`, security)
}

/** Put the design document (validate_doc_update with the member table) unless the database holds it already. */
export async function ensureDesignDoc(conn: ServerConnection, db: string, security: SecurityObject): Promise<void> {
  const wanted = designDocument(security)
  let current: DesignDoc | null = null
  try {
    current = await call<DesignDoc>(conn, 'GET', `${dbPath(db)}/${DESIGN_DOC_ID}`)
  }
  catch (error) {
    if (!(error instanceof SyncServerError && error.kind === 'not-found')) throw error
  }
  if (current && current.funnelgridDesign > wanted.funnelgridDesign) return // written by a newer FunnelGrid
  if (current && current.funnelgridDesign === wanted.funnelgridDesign && current.validate_doc_update === wanted.validate_doc_update) return
  await call(conn, 'PUT', `${dbPath(db)}/${DESIGN_DOC_ID}`, current?._rev ? { ...wanted, _rev: current._rev } : wanted)
}

export interface Member { name: string, role: WorkspaceRole }

/** The `_security` object for a member list: admins as database admins, everyone readable as members. */
export function securityFor(members: Member[]): SecurityObject {
  return {
    admins: { names: members.filter(m => m.role === 'admin').map(m => m.name), roles: [] },
    members: { names: members.filter(m => m.role !== 'admin').map(m => m.name), roles: [] },
    funnelgrid: { viewers: members.filter(m => m.role === 'viewer').map(m => m.name) },
  }
}

/** The member list a `_security` object describes (names only; roles-by-group are left as they are). */
export function membersOf(security: SecurityObject): Member[] {
  const viewers = new Set(security.funnelgrid?.viewers ?? [])
  const admins = (security.admins?.names ?? []).map(name => ({ name, role: 'admin' as const }))
  const others = (security.members?.names ?? []).map(name => ({ name, role: viewers.has(name) ? 'viewer' as const : 'member' as const }))
  return [...admins, ...others]
}

/**
 * Create a workspace database (a server admin's call): the database, its members and the design
 * document. Refuses an existing database rather than taking it over.
 */
export async function createWorkspaceDatabase(conn: ServerConnection, db: string, members: Member[]): Promise<void> {
  const me = await currentSession(conn)
  if (!me.roles.includes('_admin')) throw new SyncServerError('forbidden', `Only a server admin may create the workspace database "${db}"; sign in as one, or ask one to create it and join it`, 403)
  try {
    await call(conn, 'PUT', dbPath(db))
  }
  catch (error) {
    if (error instanceof SyncServerError && error.kind === 'exists') throw new SyncServerError('exists', `The server already holds a workspace database "${db}"; join it instead of publishing`, error.status)
    if (error instanceof SyncServerError && (error.kind === 'auth' || error.kind === 'forbidden')) throw new SyncServerError(error.kind, `Only a server admin may create the workspace database "${db}" (${error.message})`, error.status)
    throw error
  }
  await setMembers(conn, db, members)
}

/**
 * Who may do what in a workspace (a workspace admin's call): `_security` (read access, roles on
 * CouchDB) and the design document's member table (roles on pouchdb-server), written together.
 */
export async function setMembers(conn: ServerConnection, db: string, members: Member[]): Promise<void> {
  const security = securityFor(members)
  await writeSecurity(conn, db, security)
  await ensureDesignDoc(conn, db, security)
}

/** Create a CouchDB user (server admin, or anyone when the server allows sign-up). */
export async function createUser(conn: ServerConnection, name: string, password: string): Promise<void> {
  if (!name.trim()) throw new SyncServerError('auth', 'A user needs a name')
  try {
    await call(conn, 'PUT', `_users/org.couchdb.user:${encodeURIComponent(name)}`, { name, password, roles: [], type: 'user' })
  }
  catch (error) {
    if (error instanceof SyncServerError && error.kind === 'exists') throw new SyncServerError('exists', `The server already has a user "${name}"`, error.status)
    throw error
  }
}

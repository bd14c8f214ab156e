// A user's role in one workspace database, read the way the server's validate_doc_update reads it,
// so the UI can mirror the server (a viewer sees no edit controls).
//
// Where the role lives: in the database's `_security` object, not on the CouchDB user. A
// workspace admin is a database admin, and a database admin may rewrite `_security` — so
// workspace admins manage members without being server admins, which roles on `_users`
// documents would require. CouchDB hands `_security` to validate_doc_update as its 4th
// argument (pouchdb-server does too: tests/unit/sync). The object:
//   admins.names   — 管理员 admin
//   members.names  — everyone else who may read: 成员 member and 只读 viewer
//   funnelgrid.viewers — the members who may only read (extra fields are allowed by CouchDB)

export type WorkspaceRole = 'admin' | 'member' | 'viewer'
export const WORKSPACE_ROLES: readonly WorkspaceRole[] = ['admin', 'member', 'viewer']

/** CouchDB's user context (`/_session` userCtx, validate_doc_update's 3rd argument). */
export interface UserCtx {
  name: string | null
  roles: string[]
  db?: string
}

export interface NamesAndRoles {
  names?: string[]
  roles?: string[]
}

/** A workspace database's `_security` object. */
export interface SecurityObject {
  admins?: NamesAndRoles
  members?: NamesAndRoles
  funnelgrid?: { viewers?: string[] }
}

const SERVER_ADMIN_ROLE = '_admin'

function listed(group: NamesAndRoles | undefined, user: UserCtx): boolean {
  if (!group) return false
  if (user.name !== null && (group.names ?? []).includes(user.name)) return true
  return user.roles.some(role => (group.roles ?? []).includes(role))
}

/**
 * The role of `user` in database `dbName`, or null when the user may not use it at all
 * (anonymous, or not listed). A server admin is an admin everywhere. `dbName` is checked against
 * the user context's db when it has one, so a context from another database never grants a role.
 */
export function roleOf(user: UserCtx | null | undefined, security: SecurityObject | null | undefined, dbName: string): WorkspaceRole | null {
  if (!user) return null
  if (user.db !== undefined && user.db !== dbName) return null
  if (user.roles.includes(SERVER_ADMIN_ROLE)) return 'admin'
  if (user.name === null) return null
  const sec = security ?? {}
  if (listed(sec.admins, user)) return 'admin'
  if (!listed(sec.members, user)) return null
  return (sec.funnelgrid?.viewers ?? []).includes(user.name) ? 'viewer' : 'member'
}

/** Whether the role may write documents of this type (the same rule validate_doc_update applies). */
export function mayWrite(role: WorkspaceRole | null, type: 'definition' | 'settings' | 'record' | 'event' | 'change' | 'file'): boolean {
  if (role === 'admin') return true
  if (role === 'member') return type === 'record' || type === 'event' || type === 'change' || type === 'file'
  return false
}

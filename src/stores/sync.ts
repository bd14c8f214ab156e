import type { Member as WorkspaceMember } from '@/core/schema/types'
import type { WorkspaceRole } from '@/core/sync/roles'
import { roleOf } from '@/core/sync/roles'
import type { Transaction } from '@/core/storage/adapter'
import { writeRefusal, type WriteRefusal } from '@/core/sync/write-permission'
import {
  createUser,
  createWorkspaceDatabase,
  currentSession,
  documentCount,
  ensureDesignDoc,
  membersOf,
  normalizeServerUrl,
  readSecurity,
  setMembers,
  signIn as serverSignIn,
  signOut as serverSignOut,
  SyncServerError,
  type Member,
  type ServerConnection,
} from '@/core/sync/server-api'
import type { SyncStatus } from '@/sync/engine'
import type { RecordConflictState } from '@/sync/record-conflicts'

export type { RecordConflictState }
import { databaseNameFor } from '@/core/sync/layout'
import { readSyncConfig, saveSyncConfig, type SyncConfig } from '@/sync/config'
import type { TransferProgress } from '@/sync/transfer'
import { TransferCancelled } from '@/sync/transfer-cancelled'
import { SYNC_KEY } from '@/symbols'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, inject, ref, shallowRef } from 'vue'
import { useRecordsStore } from './records'
import { useAdapter } from './use-adapter'
import { useWorkspaceStore } from './workspace'

/** The member id a CouchDB user has in the workspace's member list. */
export const memberIdOf = (user: string) => `u-${user}`
const COLORS = ['#2f6bff', '#13a10e', '#d83b01', '#8764b8', '#c239b3', '#038387']

/**
 * Team sync: this device's sync settings and status, signing in, publishing and joining a
 * workspace, members and roles, and conflicts to pick. The only door to src/sync.
 */
export const useSyncStore = defineStore('sync', () => {
  const runtime = inject(SYNC_KEY, null)
  const adapter = useAdapter()
  const workspace = useWorkspaceStore()
  const records = useRecordsStore()

  const config = ref<SyncConfig | null>(runtime?.config ?? readSyncConfig())
  const status = shallowRef<SyncStatus | null>(runtime?.engine.status() ?? null)
  runtime?.onStatus((next) => { status.value = next })
  const on = computed(() => runtime !== null)
  const readOnly = computed(() => on.value && config.value?.role === 'viewer')
  /** What this device's user may change (the server enforces the same): viewers nothing, members records, admins everything. */
  const canEditRecords = computed(() => !readOnly.value)
  const canDesign = computed(() => !on.value || config.value?.role === 'admin')
  /** This device's role in the team workspace; null when team sync is off. */
  const role = computed<WorkspaceRole | null>(() => on.value ? config.value?.role ?? 'member' : null)
  /** The last change refused for the role (the shell shows it), with when. */
  const refused = shallowRef<{ at: number, refusal: WriteRefusal } | null>(null)
  /**
   * Whether the role may make this change (the write pipeline asks before showing or storing
   * it); a refusal is kept in `refused` for the shell to show, unless `quiet` (background writes).
   */
  function refusalOf(tx: Transaction, quiet = false): WriteRefusal | null {
    const refusal = writeRefusal(tx, role.value)
    if (refusal && !quiet) refused.value = { at: Date.now(), refusal }
    return refusal
  }
  /** For an edit planned before it reaches the pipeline (a grid paste, fill or clear): refused, and said why, before its cells are checked. */
  const refuseRecordEdit = (formId: string): boolean => refusalOf({ records: { [formId]: { put: [] } } }) !== null
  const conflicts = computed<RecordConflictState[]>(() => status.value?.conflicts ?? [])

  /** Who the server says is signed in (after `checkSession` or `signIn`). */
  const session = ref<{ server: string, name: string, serverAdmin: boolean } | null>(null)
  const progress = ref<TransferProgress | null>(null)
  const members = ref<Member[]>([])
  let controller: AbortController | null = null

  const conn = (server: string): ServerConnection => ({ url: server })

  /**
   * Reads this user's role from the workspace database again (an admin may have changed it since
   * this device joined), so the UI shows the controls the server allows. Offline or signed out:
   * the remembered role stays.
   */
  async function refreshRole(): Promise<void> {
    const current = config.value
    if (!runtime || !current) return
    try {
      const c = conn(current.server)
      const [user, security] = await Promise.all([currentSession(c), readSecurity(c, current.db)])
      const next = roleOf(user, security, current.db)
      // An admin's device brings the server's rules up to this version (a new document type).
      if (next === 'admin') await ensureDesignDoc(c, current.db, security).catch(() => {})
      if (!next || next === current.role) return
      // The engine reads the role from the runtime's config (which settings it may push).
      runtime.config.role = next
      config.value = { ...current, role: next }
      saveSyncConfig(config.value)
    }
    catch { /* offline, or the session ended: the chip says so */ }
  }
  void refreshRole()

  async function signIn(serverInput: string, name: string, password: string): Promise<void> {
    const server = normalizeServerUrl(serverInput)
    const user = await serverSignIn(conn(server), name.trim(), password)
    session.value = { server, name: user.name ?? name.trim(), serverAdmin: user.roles.includes('_admin') }
  }

  async function checkSession(serverInput: string): Promise<void> {
    const server = normalizeServerUrl(serverInput)
    const user = await currentSession(conn(server))
    session.value = user.name ? { server, name: user.name, serverAdmin: user.roles.includes('_admin') } : null
  }

  async function signOut(): Promise<void> {
    if (session.value) await serverSignOut(conn(session.value.server)).catch(() => {})
    session.value = null
  }

  function requireSession() {
    if (!session.value) throw new SyncServerError('auth', 'Sign in to the server first')
    return session.value
  }

  // The signed-in user as a workspace member, so change entries name them.
  async function becomeMember(name: string): Promise<void> {
    const id = memberIdOf(name)
    const list = workspace.settings.members
    if (!list.some(m => m.id === id)) {
      const member: WorkspaceMember = { id, name, color: COLORS[list.length % COLORS.length]! }
      await workspace.saveSettings({ members: [...list, member], currentMemberId: id })
    }
    else if (workspace.settings.currentMemberId !== id) await workspace.saveSettings({ currentMemberId: id })
  }

  async function transfer<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    controller = new AbortController()
    progress.value = { phase: 'prepare', done: 0, total: 0 }
    try {
      return await work(controller.signal)
    }
    finally {
      controller = null
      progress.value = null
    }
  }

  /** First push of this workspace to a new database (a server admin creates it). Reloads on success. */
  async function publish(dbInput: string): Promise<void> {
    const me = requireSession()
    const db = databaseNameFor(dbInput)
    try {
      await createWorkspaceDatabase(conn(me.server), db, [{ name: me.name, role: 'admin' }])
    }
    catch (error) {
      // A publish cancelled before anything but the design document was pushed may start again.
      const retry = error instanceof SyncServerError && error.kind === 'exists' && await documentCount(conn(me.server), db) <= 1
      if (!retry) throw error
      await setMembers(conn(me.server), db, [{ name: me.name, role: 'admin' }])
    }
    await becomeMember(me.name)
    await transfer(async (signal) => {
      const [{ openDatabases }, { publishWorkspace }] = await Promise.all([import('@/sync/runtime'), import('@/sync/transfer')])
      const { PouchDB, mirror, remote } = await openDatabases(me.server, db)
      await publishWorkspace({ PouchDB, mirror, remote, local: adapter, user: me.name, signal, onProgress: (p) => { progress.value = p } })
    })
    saveSyncConfig({ server: me.server, db, user: me.name, role: 'admin' })
    globalThis.location?.reload()
  }

  /** First pull of a workspace: replaces this device's workspace with it. Reloads on success. */
  async function join(dbInput: string): Promise<number> {
    const me = requireSession()
    const db = databaseNameFor(dbInput)
    const security = await readSecurity(conn(me.server), db).catch((error: unknown) => {
      if (error instanceof SyncServerError && error.kind === 'not-found') throw new SyncServerError('not-found', `The server has no workspace "${db}"; check the name the publisher gave you`)
      throw error
    })
    const role = roleOf(await currentSession(conn(me.server)), security, db) ?? 'member'
    const skipped = await transfer(async (signal) => {
      const [{ openDatabases }, { joinWorkspace }] = await Promise.all([import('@/sync/runtime'), import('@/sync/transfer')])
      const { PouchDB, mirror, remote } = await openDatabases(me.server, db)
      const result = await joinWorkspace({ PouchDB, mirror, remote, local: adapter, signal, onProgress: (p) => { progress.value = p } })
      return result.skipped.length
    })
    saveSyncConfig({ server: me.server, db, user: me.name, role })
    // Change entries name the signed-in user from now on.
    const joined = await adapter.loadDefinitions()
    if (joined.settings) {
      const settings = { ...joined.settings, currentMemberId: memberIdOf(me.name) }
      if (!settings.members.some(m => m.id === settings.currentMemberId)) settings.members = [...settings.members, { id: settings.currentMemberId!, name: me.name, color: COLORS[0]! }]
      await adapter.commit({ settings })
    }
    globalThis.location?.reload()
    return skipped
  }

  function cancel(): void {
    controller?.abort()
  }

  /** Stops syncing on this device (the local workspace stays as it is). */
  async function leave(): Promise<void> {
    const db = config.value?.db
    await runtime?.engine.stop()
    saveSyncConfig(null)
    if (db) await import('@/sync/runtime').then(m => m.dropMirror(db)).catch(() => {})
    globalThis.location?.reload()
  }

  async function loadMembers(): Promise<void> {
    if (!config.value) return
    members.value = membersOf(await readSecurity(conn(config.value.server), config.value.db))
  }

  /** Adds (or changes the role of) a member; with a password, creates the server user too. */
  async function saveMember(name: string, role: WorkspaceRole, password?: string): Promise<void> {
    if (!config.value) return
    const c = conn(config.value.server)
    if (password) await createUser(c, name, password)
    const current = membersOf(await readSecurity(c, config.value.db))
    const next = [...current.filter(m => m.name !== name), { name, role }]
    await setMembers(c, config.value.db, next)
    members.value = next
    const list = workspace.settings.members
    if (!list.some(m => m.id === memberIdOf(name))) {
      await workspace.saveMembers([...list, { id: memberIdOf(name), name, color: COLORS[list.length % COLORS.length]! }])
    }
  }

  async function removeMember(name: string): Promise<void> {
    if (!config.value) return
    const c = conn(config.value.server)
    const next = membersOf(await readSecurity(c, config.value.db)).filter(m => m.name !== name)
    await setMembers(c, config.value.db, next)
    members.value = next
  }

  /** Keeps the picked value of each contested field and removes the other versions on every device. */
  async function resolve(conflict: RecordConflictState, picked: Record<string, unknown>): Promise<boolean> {
    const outcome = await records.update(conflict.formId, [{ recordId: conflict.recordId, values: picked }])
    if (!outcome.ok) return false
    await runtime?.engine.resolved(conflict.formId, conflict.recordId)
    return true
  }

  const overwrittenDesigns = computed(() => status.value?.overwrittenDesigns ?? [])
  const dismissOverwrittenDesign = (kind: string, id: string) => runtime?.engine.dismissOverwrittenDesign(kind, id)
  const conflictOf = (formId: string, recordId: string) => conflicts.value.find(c => c.formId === formId && c.recordId === recordId)

  return {
    config, status, on, readOnly, canEditRecords, canDesign, role, refused, refusalOf, refuseRecordEdit, conflicts, session, progress, members,
    overwrittenDesigns, dismissOverwrittenDesign,
    signIn, checkSession, signOut, publish, join, cancel, leave, loadMembers, saveMember, removeMember, resolve, conflictOf,
    isCancelled: (error: unknown) => error instanceof TransferCancelled,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSyncStore, import.meta.hot))

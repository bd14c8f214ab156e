// The sync engine: keeps the mirror (a PouchDB database on this device) replicating with the
// workspace database on the server, writes every committed transaction into the mirror, and
// applies what replication pulled to the local adapter through the bridge below. PouchDB does
// the replication protocol (checkpoints, _bulk_get, batches, retry); nothing of it is
// hand-written here.
import { behaviourOf } from '@/core/fields'
import type { RecordRow } from '@/core/schema/types'
import type { BlobPut, ExternalChange, StorageAdapter, Transaction } from '@/core/storage/adapter'
import type { RawDoc } from '@/core/sync/doc-check'
import { transactionOfDocs, type LocalView, type SkippedDoc } from '@/core/sync/docs-tx'
import { parseDocId } from '@/core/sync/layout'
import { docsOfTransaction } from '@/core/sync/tx-docs'
import { appliedSeq, idsOfForm, markApplied, type Mirror, pushable, writeDrafts } from './mirror'
import { fileDraft, pulledFiles } from './file-docs'
import { journalNotes, type JournalStore } from './journal'
import { draftsToRecover } from './recover'
import type { PouchDoc, PouchStatic, Replication } from './pouch-types'
import { dropLosers, examineRecordConflict, type RecordConflictState } from './record-conflicts'
import { settleDefinitionConflict, type OverwrittenDesign } from './definition-conflicts'

export type SyncState = 'connecting' | 'synced' | 'syncing' | 'offline' | 'error'

export interface SyncProblem {
  kind: 'auth' | 'denied' | 'server' | 'local'
  message: string
  /** Documents the server refused (validate_doc_update), kept locally. */
  ids?: string[]
}

export interface SyncStatus {
  state: SyncState
  /** Documents written here and not yet on the server. */
  pending: number
  problem: SyncProblem | null
  skipped: SkippedDoc[]
  conflicts: RecordConflictState[]
  /** This user's design saves that lost to another admin's save of the same definition. */
  overwrittenDesigns: OverwrittenDesign[]
  lastSyncedAt: number | null
}

export interface SyncEngineOptions {
  PouchDB: PouchStatic
  mirror: Mirror
  /** The workspace database on the server (a PouchDB http database). */
  remote: Mirror
  /** The local adapter: the source of truth for the UI. */
  local: StorageAdapter
  /** The signed-in CouchDB user: the `by` of every document written. */
  user: string
  /** Ids written here and not yet pushed, kept across reloads (localStorage in the app). */
  unpushed: { load: () => string[], save: (ids: string[]) => void }
  onStatus?: (status: SyncStatus) => void
  now?: () => number
  /** Whether this user may write documents of a type (the server refuses the rest): settings are admins'. */
  mayWrite?: (type: 'definition' | 'settings' | 'record' | 'event' | 'change' | 'file') => boolean
  /** Replication batch size (documents per request). */
  batchSize?: number
  /**
   * The device's network state (the browser's online/offline events). Offline shows at once
   * (a replication waiting on a long poll would not notice for minutes); back online, the
   * replication restarts from its checkpoints instead of waiting out its back-off.
   */
  network?: { online: () => boolean, onChange: (listener: (online: boolean) => void) => () => void }
  /** Which documents each commit touches until it is in the mirror (localStorage in the app); recovered on start. */
  journal?: JournalStore
}

const SKIPPED_KEEP = 200

export interface SyncEngine {
  /** Notes the documents a transaction is about to commit locally (durable when it returns); the id to `forget` once it is in the mirror. */
  note: (tx: Transaction) => string | null
  /** The same for file contents stored locally (by key), until they are in the mirror. */
  noteFiles: (keys: readonly string[]) => string | null
  forget: (entryId: string | null) => void
  /** Writes into the mirror, from the local store, what journal entries left behind by a tab that stopped between its local commit and the mirror write (start does this); how many documents. */
  recover: () => Promise<number>
  /** Writes a committed transaction into the mirror; replication pushes it. */
  write: (tx: Transaction) => Promise<void>
  /** Writes stored file contents into the mirror (before the records that name them). */
  writeFiles: (blobs: readonly BlobPut[]) => Promise<void>
  /** Starts live replication and the bridge (one tab per device does). */
  start: () => Promise<void>
  stop: () => Promise<void>
  /** Pulled changes applied locally: the adapter hands them to the stores. */
  onPulled: (listener: (change: ExternalChange) => void) => () => void
  status: () => SyncStatus
  /** Remove the losing versions once the user picked (after writing the chosen values). */
  resolved: (formId: string, recordId: string) => Promise<void>
  /** Apply everything the mirror holds that is not applied yet (tests, start). */
  drain: () => Promise<void>
  /** The user has read that a design save of theirs was overwritten. */
  dismissOverwrittenDesign: (kind: string, id: string) => void
}

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { PouchDB, mirror, remote, local, user } = opts
  const now = opts.now ?? Date.now
  const iso = () => new Date(now()).toISOString()
  const listeners = new Set<(change: ExternalChange) => void>()
  const ownRevs = new Set<string>()
  const unpushed = new Set(opts.unpushed.load())
  const conflicts = new Map<string, RecordConflictState>()
  const status: SyncStatus = { state: 'connecting', pending: unpushed.size, problem: null, skipped: [], conflicts: [], overwrittenDesigns: [], lastSyncedAt: null }
  let replication: Replication | null = null
  let feed: { cancel: () => void } | null = null
  let draining: Promise<void> = Promise.resolve()
  let again = false
  let running = false
  let saveTimer: ReturnType<typeof setTimeout> | null = null

  function emitStatus(patch: Partial<SyncStatus> = {}): void {
    Object.assign(status, patch, { pending: unpushed.size, conflicts: [...conflicts.values()] })
    opts.onStatus?.({ ...status })
  }
  function saveUnpushed(): void {
    if (saveTimer) return
    saveTimer = setTimeout(() => {
      saveTimer = null
      opts.unpushed.save([...unpushed])
    }, 200)
  }

  async function write(tx: Transaction): Promise<void> {
    const binned = new Map<string, RecordRow>()
    for (const [formId, changes] of Object.entries(tx.records ?? {})) {
      if (!changes.toTrash || !changes.delete?.length) continue
      const wanted = new Set(changes.delete)
      for (const row of await local.loadTrash(formId)) if (wanted.has(row.id)) binned.set(`${formId}:${row.id}`, row)
    }
    // A member's language switch writes settings locally; the shared settings document is the admins'.
    const drafts = docsOfTransaction(tx, { by: user, at: iso() }, (formId, id) => binned.get(`${formId}:${id}`))
      .filter(d => d._id !== 'settings' || (opts.mayWrite?.('settings') ?? true))
    for (const formId of tx.dropForms ?? []) {
      for (const id of await idsOfForm(mirror, formId)) drafts.push({ _id: id, _deleted: true })
    }
    if (!drafts.length) return
    await keep(drafts)
    emitStatus(status.state === 'synced' && !offline() ? { state: 'syncing' } : {})
  }

  async function writeFiles(blobs: readonly BlobPut[]): Promise<void> {
    if (!blobs.length || !(opts.mayWrite?.('file') ?? true)) return
    const who = { by: user, at: iso() }
    const drafts = []
    for (const { key, blob } of blobs) drafts.push(await fileDraft(key, blob, who))
    await keep(drafts)
    emitStatus(status.state === 'synced' && !offline() ? { state: 'syncing' } : {})
  }

  /** Writes drafts into the mirror as this device's: their revisions are not applied back here, and they count as waiting until pushed. */
  async function keep(drafts: Parameters<typeof writeDrafts>[1]): Promise<void> {
    const written = await writeDrafts(mirror, drafts)
    written.revs.forEach(r => ownRevs.add(r))
    written.ids.forEach((id) => {
      unpushed.add(id)
      rewritten?.add(id)
    })
    saveUnpushed()
  }

  // The waiting count kept across reloads can name documents pushed just before a tab closed
  // (the push's checkpoint moved on, so no push event will clear them): once caught up, ask the
  // server which of the remembered revisions it lacks. Ids written again meanwhile stay.
  let rewritten: Set<string> | null = null
  async function reconcilePending(): Promise<void> {
    if (rewritten || !unpushed.size) return
    rewritten = new Set()
    try {
      const ids = [...unpushed]
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500)
        const found = await mirror.allDocs({ keys: chunk })
        const diff: Record<string, string[]> = {}
        for (const r of found.rows) {
          if ('value' in r && r.value) diff[r.key] = [r.value.rev]
          else if (!rewritten.has(r.key)) unpushed.delete(r.key)
        }
        const missing = Object.keys(diff).length ? await remote.revsDiff(diff) : {}
        for (const id of Object.keys(diff)) if (!missing[id] && !rewritten.has(id)) unpushed.delete(id)
      }
      saveUnpushed()
      emitStatus()
    }
    catch { /* offline again: the next pause asks again */ }
    finally {
      rewritten = null
    }
  }

  const { note, noteFiles, forget } = journalNotes(opts.journal, now)

  async function recover(): Promise<number> {
    const entries = opts.journal?.load() ?? []
    if (!entries.length) return 0
    const drafts = (await draftsToRecover(entries, { local, mirror, who: { by: user, at: iso() } }))
      .filter(d => d._id !== 'settings' || (opts.mayWrite?.('settings') ?? true))
    if (drafts.length) await keep(drafts)
    for (const entry of entries) opts.journal!.remove(entry.id)
    return drafts.length
  }

  async function localView(docs: RawDoc[]): Promise<LocalView> {
    const defs = await local.loadDefinitions()
    const forms = new Set<string>()
    for (const doc of docs) {
      const parsed = parseDocId(doc._id)
      if (parsed?.type === 'record') forms.add(parsed.formId)
    }
    const live = new Map<string, RecordRow>()
    const trash = new Map<string, RecordRow>()
    const known = new Set(defs.forms.map(f => f.id))
    for (const formId of forms) {
      if (!known.has(formId)) continue
      for (const row of await local.loadRecords(formId)) live.set(`${formId}:${row.id}`, row)
      for (const row of await local.loadTrash(formId)) trash.set(`${formId}:${row.id}`, row)
    }
    return {
      presence: (formId, id) => live.has(`${formId}:${id}`) ? 'live' : trash.has(`${formId}:${id}`) ? 'trash' : 'none',
      rowOf: (formId, id) => live.get(`${formId}:${id}`) ?? trash.get(`${formId}:${id}`),
      formOf: formId => defs.forms.find(f => f.id === formId),
      settings: defs.settings,
    }
  }

  // One batch of the mirror's changes feed since the checkpoint → one local transaction.
  async function applyBatch(): Promise<boolean> {
    const mark = await appliedSeq(mirror)
    const res = await mirror.changes({ since: mark.seq, limit: 500, include_docs: true, conflicts: true })
    if (!res.results.length) return false
    const docs: RawDoc[] = []
    const contested: PouchDoc[] = []
    const contestedDefs: PouchDoc[] = []
    for (const change of res.results) {
      const doc = change.doc
      if (!doc || doc._id.startsWith('_')) continue
      const key = `${doc._id}@${doc._rev}`
      const parsed = parseDocId(doc._id)
      if (parsed?.type === 'record') {
        if (doc._conflicts?.length) contested.push(doc)
        else conflicts.delete(`${parsed.formId}:${parsed.recordId}`)
      }
      else if (parsed?.type === 'definition' && doc._conflicts?.length) contestedDefs.push(doc)
      if (ownRevs.delete(key)) continue
      docs.push(doc as RawDoc)
    }
    if (docs.length) {
      const { tx, skipped, files } = transactionOfDocs(docs, await localView(docs))
      if (skipped.length) status.skipped = [...status.skipped, ...skipped].slice(-SKIPPED_KEEP)
      // Files first: a record that names one finds its contents when it is shown.
      const stored = files.length ? await pulledFiles(mirror, files) : []
      if (stored.length) await local.putBlobs(stored)
      const blobs = stored.map(s => s.key)
      if (Object.keys(tx).length) await local.commit(tx)
      if (Object.keys(tx).length || blobs.length) for (const listener of listeners) listener({ tx, ...(blobs.length ? { blobs } : {}) })
    }
    // Computed fields are never contested (they follow the fields they are computed from).
    const forms = contested.length ? (await local.loadDefinitions()).forms : []
    const computedOf = (formId: string) => new Set((forms.find(f => f.id === formId)?.fields ?? []).filter(f => behaviourOf(f).computed).map(f => f.id))
    for (const doc of contested) {
      const parsed = parseDocId(doc._id) as { formId: string, recordId: string }
      const outcome = await examineRecordConflict(mirror, doc, user, iso, computedOf(parsed.formId))
      const key = `${parsed.formId}:${parsed.recordId}`
      if (outcome.merged) {
        const tx: Transaction = { records: { [parsed.formId]: { put: [outcome.merged] } } }
        const view = await localView([doc as RawDoc])
        const here = view.rowOf(parsed.formId, parsed.recordId)
        if (here) tx.records![parsed.formId]!.put = [{ ...outcome.merged, rev: Math.max(outcome.merged.rev, here.rev + 1) }]
        if (view.presence(parsed.formId, parsed.recordId) !== 'trash') {
          await local.commit(tx)
          for (const listener of listeners) listener({ tx, recompute: { formId: parsed.formId, ids: [parsed.recordId] } })
        }
        unpushed.add(doc._id)
        saveUnpushed()
      }
      if (outcome.state) conflicts.set(key, outcome.state)
      else conflicts.delete(key)
    }
    for (const doc of contestedDefs) {
      const lost = await settleDefinitionConflict(mirror, doc, user)
      if (lost) status.overwrittenDesigns = [...status.overwrittenDesigns.filter(o => o.id !== lost.id || o.kind !== lost.kind), lost].slice(-20)
    }
    await markApplied(mirror, res.last_seq, mark.rev)
    emitStatus()
    return true
  }

  function drain(): Promise<void> {
    if (running) {
      again = true
      return draining
    }
    running = true
    draining = (async () => {
      try {
        do {
          again = false
          while (await applyBatch()) { /* next batch */ }
        } while (again)
      }
      catch (error) {
        console.error('FunnelGrid sync: pulled changes could not be applied', error)
        emitStatus({ state: 'error', problem: { kind: 'local', message: `Changes from the server could not be applied here: ${error instanceof Error ? error.message : String(error)}` } })
      }
      finally {
        running = false
      }
    })()
    return draining
  }

  function describe(error: unknown): SyncProblem {
    const e = error as { status?: number, name?: string, message?: string, reason?: string }
    if (e?.status === 401) return { kind: 'auth', message: 'The server asks you to sign in again (your session ended); your changes are kept here until then.' }
    if (e?.status === 403) return { kind: 'denied', message: `The server refused a change: ${e.reason ?? e.message ?? 'forbidden'}` }
    return { kind: 'server', message: e?.message || e?.reason || String(error) }
  }

  const offline = () => opts.network ? !opts.network.online() : false

  // One live replication; a restart (back online) replaces it, and the replaced one's late
  // events are ignored.
  function replicate(): void {
    const batch = opts.batchSize ?? 500
    const rep = PouchDB.sync(mirror, remote, {
      live: true,
      retry: true,
      batch_size: batch,
      batches_limit: 4,
      push: { filter: pushable },
      back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 30_000)),
    })
    replication = rep
    const current = () => replication === rep
    rep
      .on('change', (info: { direction: string, change: { docs: PouchDoc[] } }) => {
        if (info.direction === 'push') {
          for (const doc of info.change.docs) unpushed.delete(doc._id)
          saveUnpushed()
        }
        // What was pulled is applied at once (the mirror's own live feed is only a second trigger:
        // the idb adapter does not always report writes made by the replicator of the same page).
        else void drain()
        if (current()) emitStatus({ state: offline() ? 'offline' : 'syncing', problem: status.problem?.kind === 'denied' ? status.problem : null })
      })
      .on('paused', (error: unknown) => {
        if (!current()) return
        if (error || offline()) emitStatus({ state: 'offline' })
        else {
          emitStatus({ state: 'synced', lastSyncedAt: now(), problem: status.problem?.kind === 'denied' ? status.problem : null })
          void reconcilePending()
        }
      })
      .on('active', () => {
        if (current() && !offline()) emitStatus({ state: 'syncing' })
      })
      .on('denied', (error: { id?: string, doc?: { id?: string, reason?: string, message?: string } }) => {
        const id = error?.id ?? error?.doc?.id
        const ids = [...new Set([...(status.problem?.ids ?? []), ...(id ? [id] : [])])]
        if (id) unpushed.delete(id)
        emitStatus({ state: 'error', problem: { kind: 'denied', ids, message: `The server refused ${ids.length} change(s): ${error?.doc?.reason ?? error?.doc?.message ?? 'not allowed for your role'}. They stay on this device.` } })
      })
      .on('error', (error: unknown) => {
        if (current()) emitStatus({ state: 'error', problem: describe(error) })
      })
  }

  async function endReplication(rep: Replication): Promise<void> {
    // Wait until PouchDB has ended both directions (their open long-poll requests included), so
    // nothing of this replication is still talking to the server after it resolves.
    const ended = new Promise<void>((resolve) => {
      rep.on('complete', () => resolve())
      rep.on('error', () => resolve())
    })
    rep.cancel()
    await Promise.race([ended, new Promise<void>(resolve => setTimeout(resolve, 10_000))])
  }

  let offNetwork: (() => void) | null = null
  async function start(): Promise<void> {
    emitStatus({ state: offline() ? 'offline' : 'connecting' })
    try {
      await recover()
    }
    catch (error) {
      // The entries stay for the next start; the rest of sync goes on.
      console.error('FunnelGrid sync: changes left by a closed tab could not be queued', error)
      emitStatus({ state: 'error', problem: { kind: 'local', message: `Changes saved here before the app was closed could not be queued for the server yet: ${error instanceof Error ? error.message : String(error)}` } })
    }
    feed = mirror.changes({ since: 'now', live: true }).on('change', () => { void drain() })
    await drain()
    replicate()
    offNetwork = opts.network?.onChange((online) => {
      if (!replication) return
      if (!online) {
        emitStatus({ state: 'offline' })
        return
      }
      const old = replication
      replicate()
      void endReplication(old)
    }) ?? null
  }

  async function stop(): Promise<void> {
    offNetwork?.()
    offNetwork = null
    feed?.cancel()
    feed = null
    const rep = replication
    replication = null
    if (rep) await endReplication(rep)
    if (saveTimer) {
      clearTimeout(saveTimer)
      saveTimer = null
      opts.unpushed.save([...unpushed])
    }
    await draining
  }

  return {
    note,
    noteFiles,
    forget,
    recover,
    write,
    writeFiles,
    start,
    stop,
    drain,
    onPulled(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    status: () => ({ ...status, pending: unpushed.size, conflicts: [...conflicts.values()] }),
    dismissOverwrittenDesign(kind, id) {
      status.overwrittenDesigns = status.overwrittenDesigns.filter(o => o.kind !== kind || o.id !== id)
      emitStatus()
    },
    async resolved(formId, recordId) {
      const state = conflicts.get(`${formId}:${recordId}`)
      if (!state) return
      await dropLosers(mirror, state)
      conflicts.delete(`${formId}:${recordId}`)
      unpushed.add(`rec:${formId}:${recordId}`)
      saveUnpushed()
      emitStatus()
    },
  }
}

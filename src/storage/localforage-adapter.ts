import { EMPTY_COLUMNS, sortedByTime } from '../core/events'
import type { RecordRow, WorkspaceBackup } from '../core/schema/types'
import type { ExternalChange, LoadRecordsOptions, StorageAdapter, Transaction } from '../core/storage/adapter'
import { StorageError } from '../core/storage/adapter'
import { checkBackup, definitionKeysOf, replaceTransaction, stateToBackup } from '../core/storage/backup'
import type { ReplacedContent } from '../core/storage/backup'
import { clonePlain, copyTransaction, putsFrozenRecords } from '../core/storage/clone'
import type { RecordConflict } from '../core/storage/conflicts'
import { latestPuts, resolveCommit } from '../core/storage/conflicts'
import { changesOf, definitionsOf, fieldChangesOf, stageEventsOf } from '../core/storage/queries'
import { validateTransaction } from '../core/storage/validate-transaction'
import { checkJsonValue } from '../core/validation/json-limits'
import { createWorkspaceState } from '../core/storage/workspace-state'
import type { FormData } from '../core/storage/workspace-state'
import { withBlobs } from '../core/storage/with-blobs'
import type { BlobStore } from '../core/storage/blob-store'
import { createIdbBlobStore } from './blob-store'
import type { AppliedTx, FreshParts } from './cached-workspace'
import { CachedWorkspace } from './cached-workspace'
import { withLock } from './commit-lock'
import type { LazyPart } from './form-layout'
import { executePlan, LAZY_PARTS } from './form-layout'
import type { KvStore } from './kv-store'
import { createLocalforageStore } from './kv-store'
import { lazyPartsOf, withoutLazy } from './lazy-tx'
import type { StoredLayout } from './layout-migration'
import { LAYOUT_KEY, LAYOUT_VERSION, migrateLayout } from './layout-migration'
import { toStorageError } from './storage-errors'
import { freezeRecord } from './freeze'
import { claimOwner, liveOwners, othersAlive } from './owners'
import { databaseGone, watchDatabaseLoss } from './storage-loss'
import { applyTransaction } from '../core/storage/apply-transaction'
import type { WalEntry } from './wal'
import { affectedForms, binnedRows, nextWalKey, ownerOfWalKey, restoreBinned, withoutForms } from './wal'

/**
 * Records (or events, change entries) per chunk key. Measured on fake-indexeddb
 * (bench/extra/storage-layout.test.ts): saving and reloading 10k-100k records
 * cost about the same at 1k, 2k and 5k, but one edit rewrites a whole chunk (100k records:
 * 13-18 ms at 1k, 33-38 ms at 2k, 65-96 ms at 5k). 1M records make 1000 keys per form.
 */
export const DEFAULT_CHUNK_SIZE = 1000

/**
 * Commits putting at most this many records are written to the write-ahead log in the task
 * that asked for them, before waiting for the lock: the durable point of an edit made just
 * before a reload or close. Bigger ones skip it (a second copy of 5000 records cost a third
 * more) and rely on the unsaved-changes prompt, and so do import batches of any size (their
 * records frozen, `putsFrozenRecords`): a batch is one atomic write, and an interrupted import
 * resumes from the records that landed (`remainingPlan`). Their WAL copy cost 4.2 -> 3.1 s of
 * the commits of a 100k import.
 */
export const WAL_INTENT_MAX_PUTS = 1000

/** Options of `createLocalforageAdapter`. */
export interface LocalforageAdapterOptions {
  /** IndexedDB database name; the WAL lives in `<name>-wal`. @default 'funnelgrid' */
  name?: string
  /** Records (or events, change entries) per chunk key. @default DEFAULT_CHUNK_SIZE */
  chunkSize?: number
  /** Clock for `exportedAt`. @default Date.now */
  now?: () => number
  /** Stores to use instead of localforage instances (tests inject failures here). */
  stores?: { data: KvStore, wal: KvStore }
  /** File contents store. @default IndexedDB database `<name>-blobs` (src/storage/blob-store.ts) */
  blobs?: BlobStore
  /** Tell other tabs about commits over a BroadcastChannel named after the database. @default true */
  broadcast?: boolean
}

/** What one tab posts to the others after a commit. */
interface TabMessage {
  /** The transaction as stored (puts at their stored rev). */
  tx: Transaction
  versions: Record<string, number>
  seqs: Record<string, number>
  /** Versions the commit overwrote although its writer never read them. */
  conflicts?: RecordConflict[]
  /** Parts whose new ids the commit put in a chunk of their own (an import batch): placed the same way here. */
  fresh?: FreshParts
}

/** A commit's write-ahead-log entry, started before the commit waits for the lock. */
interface Intent {
  key: string
  /** Settles once the entry is stored: undefined, or why it could not be. */
  written: Promise<unknown>
}

/** How many records `tx` puts. */
function putCount(tx: Transaction): number {
  let n = 0
  for (const ch of Object.values(tx.records ?? {})) n += ch.put?.length ?? 0
  return n
}

const recordKey = (formId: string, id: string): string => `${formId}\u0000${id}`

/** Commits putting at least this many records and stage events are posted to other tabs only when one is alive (`othersAlive`). */
export const POST_CHECK_MIN_ITEMS = 500

/** Records whose stored rev a tab remembers (the newest it wrote): enough for every edit in flight. */
const AUTHORED_KEEP = 10_000

/**
 * The IndexedDB StorageAdapter (through localforage). Layout per form: records, recycle bin,
 * stage events and change log in chunks of `chunkSize` (`rec:<formId>:<n>`, `trash:…`,
 * `ev:…`, `chg:…`) listed by a manifest `man:<formId>`; definitions under `def:<kind>:<id>`;
 * settings under `settings`. A commit writes every touched chunk in one IndexedDB transaction
 * (`KvStore.writeMany`); with a store lacking it, the whole transaction goes to the WAL first
 * (its durable point), then the touched chunks, then the WAL entry is removed; leftovers are
 * replayed on open and before every commit. Commits are serialised (and across tabs with
 * Web Locks where available). Callers pass plain objects: data is copied with
 * structuredClone, and a Vue proxy or function is rejected with StorageError('invalid').
 */
export function createLocalforageAdapter(options: LocalforageAdapterOptions = {}): StorageAdapter {
  const { name = 'funnelgrid', chunkSize = DEFAULT_CHUNK_SIZE, now = Date.now, broadcast = true } = options
  const stores = options.stores ?? { data: createLocalforageStore(name), wal: createLocalforageStore(`${name}-wal`) }
  const cache = new CachedWorkspace(stores.data, chunkSize)
  const listeners = new Set<(change: ExternalChange) => void>()
  const ownWal = new Set<string>()
  const owner = claimOwner()
  /** Own WAL keys whose commit is queued or running: never replayed by `recover`. */
  const inFlight = new Set<string>()
  /** The rev this tab last stored per record (the newest `AUTHORED_KEEP`), to tell which overwritten versions were its own. */
  let authored = new Map<string, number>()
  const channel = broadcast && typeof BroadcastChannel !== 'undefined'
    ? new BroadcastChannel(`funnelgrid:${name}`)
    : undefined
  let closed = false
  /** The databases were deleted under this page: memory (the cache) is the only copy left. */
  let lost = false
  const lostListeners = new Set<() => void>()
  const locked = <T>(fn: () => Promise<T>): Promise<T> => withLock(name, fn)

  /** What the cache (storage as this tab knows it) holds of a record; undefined: form not in memory. */
  function held(formId: string, id: string) {
    if (!cache.isLoaded(formId)) return undefined
    return cache.state.forms.get(formId)?.records.get(id) ?? null
  }

  /** Tells this tab's stores: only puts that are what storage holds, and the overwritten versions that were this tab's. */
  function notify(tx: Transaction, conflicts: readonly RecordConflict[] = []): void {
    const shown = latestPuts(tx, held)
    const overwritten = conflicts.filter(c => authored.get(recordKey(c.formId, c.recordId)) === c.lostRev)
    for (const listener of listeners) listener({ tx: structuredClone(shown), ...(overwritten.length ? { overwritten } : {}) })
  }

  /**
   * Tells other tabs about a commit. A big one (an import batch) is posted only when another
   * tab (adapter instance) is alive: posting copies the whole transaction once more, which
   * cost 0.35 s of a 100k import with nobody listening. Called inside the lock, so messages
   * keep the commits' order.
   */
  async function post(tx: Transaction, applied: AppliedTx, conflicts: RecordConflict[] = []): Promise<void> {
    if (!channel) return
    if (putCount(tx) + (tx.stageEvents?.length ?? 0) >= POST_CHECK_MIN_ITEMS && !await othersAlive(owner.id)) return
    const fresh = Object.keys(applied.fresh).length > 0 ? { fresh: applied.fresh } : {}
    channel.postMessage({ tx, versions: applied.versions, seqs: applied.seqs, ...(conflicts.length ? { conflicts } : {}), ...fresh } satisfies TabMessage)
  }

  /** After a commit landed: remember what this tab stored, and show its rows whose rev storage raised. */
  function landed(tx: Transaction, raised: { formId: string, row: { id: string, rev: number } }[]): void {
    for (const [formId, ch] of Object.entries(tx.records ?? {})) {
      for (const row of ch.put ?? []) {
        const key = recordKey(formId, row.id)
        authored.delete(key)
        authored.set(key, row.rev)
      }
    }
    // Trimmed at twice the size kept, by copying the newest: deleting the oldest one by one
    // left a Map whose first key is found past every deleted slot (100k imported records: 0.5 s).
    if (authored.size > 2 * AUTHORED_KEEP) authored = new Map([...authored].slice(-AUTHORED_KEEP))
    if (raised.length === 0) return
    const put: Record<string, { put: RecordRow[] }> = {}
    for (const { formId } of raised) put[formId] = { put: [] }
    for (const { formId, row } of raised) {
      const stored = cache.state.forms.get(formId)?.records.get(row.id)
      if (stored) put[formId]!.put.push(stored)
    }
    // After the caller's own continuation (a confirmed write shows its change once committed).
    setTimeout(() => {
      if (!closed) notify({ records: put })
    }, 0)
  }

  /**
   * Starts writing `copy` to the write-ahead log now, in the caller's task: once the entry is
   * stored the commit survives a reload, a close or a crash (the next open replays it).
   */
  function startIntent(copy: Transaction): Intent | undefined {
    if (stores.data.writeMany && (putCount(copy) > WAL_INTENT_MAX_PUTS || putsFrozenRecords(copy))) return undefined
    const key = nextWalKey(owner.id)
    const entry: WalEntry = { kind: 'tx', tx: copy, binned: {}, intent: true }
    inFlight.add(key)
    const write = stores.wal.writeMany
      ? stores.wal.writeMany(new Map([[key, entry]]), [])
      : stores.wal.setItem(key, entry)
    return { key, written: write.then(() => undefined, (err: unknown) => err ?? new Error('The write-ahead log write failed.')) }
  }

  /** The intent's entry is no longer needed (its commit landed, or was refused and is kept for a retry). */
  async function dropIntent(intent: Intent | undefined): Promise<void> {
    if (!intent) return
    inFlight.delete(intent.key)
    if (!await intent.written) await stores.wal.removeItem(intent.key).catch(() => {})
  }

  async function knownContent(): Promise<ReplacedContent> {
    const keys = await stores.data.keys()
    const forms = new Set([...keys.filter(k => k.startsWith('man:')).map(k => k.slice(4)), ...cache.layouts.keys()])
    return { forms, defs: definitionKeysOf(cache.state) }
  }

  async function replaceAll(backup: WorkspaceBackup): Promise<AppliedTx> {
    const oldKeys = await stores.data.keys()
    cache.reset()
    const applied = cache.applyAndPlan(replaceTransaction(backup, { forms: [], defs: [] }))
    for (const key of oldKeys) applied.plan.removes.add(key)
    applied.plan.sets.set(LAYOUT_KEY, { version: LAYOUT_VERSION } satisfies StoredLayout)
    await executePlan(stores.data, applied.plan)
    return applied
  }

  /**
   * Replays WAL entries left by a crash, a reload or a failed write (own or another tab's),
   * oldest first. Entries of commits still queued here, or of another tab that is alive (it
   * commits them itself), are left alone.
   */
  async function recover(): Promise<void> {
    const keys = (await stores.wal.keys()).filter(k => k.startsWith('wal:') && !inFlight.has(k)).sort()
    if (keys.length === 0) return
    const alive = await liveOwners()
    for (const key of keys) {
      if (ownerOfWalKey(key) !== owner.id && alive.has(ownerOfWalKey(key))) continue
      const entry = await stores.wal.getItem<WalEntry>(key)
      if (!entry) continue
      let tx: Transaction
      let applied: AppliedTx
      let conflicts: RecordConflict[] = []
      if (entry.kind === 'replace') {
        const before = await knownContent()
        applied = await replaceAll(entry.backup)
        tx = replaceTransaction(entry.backup, before)
      }
      else {
        for (const formId of affectedForms(entry.tx)) await cache.loadForm(formId)
        // A replay may repeat events already stored: dedupe against the whole part.
        for (const [formId, parts] of lazyPartsOf(entry.tx)) await cache.loadLazy(formId, [...parts], 'all')
        restoreBinned(cache.state, entry.binned)
        if (entry.intent && validateTransaction(cache.state, entry.tx).length > 0) {
          // Refused when it was committed, or already stored (a delete of a deleted record): nothing to replay.
          await stores.wal.removeItem(key)
          continue
        }
        const resolved = resolveCommit(entry.tx, (formId, id) => cache.state.forms.get(formId)?.records.get(id))
        tx = resolved.tx
        conflicts = resolved.conflicts
        applied = cache.applyAndPlan(tx)
        await executePlan(stores.data, applied.plan)
      }
      await stores.wal.removeItem(key)
      await post(tx, applied, conflicts)
      if (!ownWal.delete(key)) notify(tx, conflicts)
    }
  }

  async function receive(msg: TabMessage): Promise<void> {
    await locked(async () => {
      if (closed) return
      // The cache now holds storage as of this commit (or later): what the stores are shown.
      const { tx, versions } = msg
      const dropped = new Set(tx.dropForms ?? [])
      const skip = new Set<string>()
      const evict = new Set<string>(dropped)
      for (const formId of affectedForms(tx)) {
        const layout = cache.layouts.get(formId)
        const v = versions[formId]
        if (dropped.has(formId) || (layout && v !== undefined && layout.version + 1 === v)) continue
        skip.add(formId)
        // Behind by more than this commit: reload on next use. Ahead: this commit is already in.
        if (layout && (v === undefined || layout.version < v)) evict.add(formId)
      }
      // Parts held only in part (the tail or nothing): re-read from storage when needed.
      const strip = new Map<string, Set<LazyPart>>()
      for (const [formId, parts] of lazyPartsOf(tx)) {
        const pending = cache.pendingParts(formId).filter(p => parts.has(p))
        if (!skip.has(formId) && pending.length > 0) strip.set(formId, new Set(pending))
      }
      cache.applyAndPlan(withoutLazy(withoutForms(tx, skip), strip), msg.seqs, msg.fresh)
      for (const [formId, parts] of strip) cache.resetLazy(formId, [...parts])
      for (const formId of evict) cache.evict(formId)
      // Inside the lock: no later commit of this tab can land between the check and the stores.
      notify(tx, msg.conflicts)
    })
  }

  /** A message too deep or too large to handle safely (json-limits.ts): not applied; every cached form is re-read from storage on next use instead. */
  async function refuse(): Promise<void> {
    await locked(async () => {
      for (const formId of [...cache.layouts.keys()]) cache.evict(formId)
    })
  }

  if (channel) {
    channel.onmessage = (ev: MessageEvent<TabMessage>) => {
      // A structured clone enters here without passing through any text scan: walk it first.
      const bounded = checkJsonValue('tabMessage', ev.data)
      void (bounded.ok ? receive(ev.data) : refuse()).catch(() => {})
    }
  }

  /** Whether the database may be in an older layout (src/storage/layout-migration.ts): migrated after the open, in the background. */
  let migrate = false
  const opened = locked(async () => {
    const keys = await cache.loadDefinitions()
    await recover()
    if (keys.includes(LAYOUT_KEY) || keys.some(k => k.startsWith('ev:'))) migrate = true
    else await stores.data.setItem(LAYOUT_KEY, { version: LAYOUT_VERSION } satisfies StoredLayout)
  }).catch((err: unknown) => {
    throw toStorageError(err, 'open the workspace')
  })
  opened.catch(() => {})
  // Reads accept both layouts, so the app works while (and if never) this finishes.
  opened.then(() => {
    if (migrate) return migrateLayout({ kv: stores.data, locked, stopped: () => closed || lost })
  }).catch(() => {})

  function markLost(): void {
    if (lost || closed) return
    lost = true
    for (const listener of lostListeners) listener()
  }
  // Own handles, only to hear of a deletion (src/storage/storage-loss.ts); not with injected stores (tests).
  let stopWatching = (): void => {}
  if (!options.stores) {
    opened.then(() => {
      if (!closed) stopWatching = watchDatabaseLoss([name, `${name}-wal`], markLost)
    }, () => {})
  }

  /**
   * After the loss, a commit is kept in memory only: applied to the cache (what memory holds,
   * exported by `exportBackup`) and refused, so the save-status store keeps it as unsaved.
   * Nothing is written: localforage would re-create an empty database and a reload would show
   * a workspace holding only the latest edits.
   */
  function refuseLost(copy: Transaction): StorageError {
    try {
      applyTransaction(cache.state, copy)
    }
    catch {
      // Kept by the save-status store all the same.
    }
    return new StorageError('lost', 'This browser\'s storage was cleared, so FunnelGrid could not save your changes; '
      + 'they are kept in memory until you download them.')
  }

  async function ready(): Promise<void> {
    if (closed) throw new StorageError('unavailable', 'The storage adapter is closed.')
    await opened
  }

  async function formData(formId: string): Promise<FormData | undefined> {
    await ready()
    if (!cache.isLoaded(formId) && !lost) {
      await locked(async () => {
        if (!cache.isLoaded(formId)) await cache.loadForm(formId)
      }).catch((err: unknown) => {
        throw toStorageError(err, 'read your data')
      })
    }
    return cache.state.forms.get(formId)
  }

  /**
   * Reads a form not in memory yet, handing its records to `onRows` as they are read (frozen:
   * the cache's own rows). A form already in memory is handed out at once by the caller.
   */
  async function streamForm(formId: string, onRows: NonNullable<LoadRecordsOptions['onRows']>): Promise<RecordRow[] | undefined> {
    await ready()
    if (cache.isLoaded(formId) || lost) return undefined
    return await locked(async () => {
      if (cache.isLoaded(formId)) return undefined
      const all: RecordRow[] = []
      await cache.loadForm(formId, (rows, progress) => {
        for (const row of rows) {
          freezeRecord(row as RecordRow)
          all.push(row as RecordRow)
        }
        onRows(rows as RecordRow[], progress)
      })
      return all
    }).catch((err: unknown) => {
      throw toStorageError(err, 'read your data')
    })
  }

  /** Like `formData`, with a lazy part (stage events, change log) read in full. */
  async function lazyData(formId: string, part: LazyPart): Promise<void> {
    await formData(formId)
    if (!cache.pendingParts(formId).includes(part)) return
    await locked(() => cache.loadLazy(formId, [part], 'all')).catch((err: unknown) => {
      throw toStorageError(err, 'read your data')
    })
  }

  /** Commits `copy` (a private copy) under the lock; `intent` is its WAL entry, started by `commit`. */
  async function commitLocked(copy: Transaction, intent: Intent | undefined): Promise<void> {
    let kept = false
    try {
      kept = await commitChecked(copy, intent)
    }
    finally {
      if (!kept) await dropIntent(intent)
    }
  }

  /** Returns true when the WAL entry must stay (the change is durable only there, for a replay). */
  async function commitChecked(base: Transaction, intent: Intent | undefined): Promise<boolean> {
    if (lost) throw refuseLost(base)
    await recover().catch((err: unknown) => {
      throw toStorageError(err, 'finish saving an earlier change')
    })
    try {
      for (const formId of affectedForms(base)) await cache.ensureFresh(formId)
      // Appending stage events / change entries needs only the last chunk of each.
      for (const [formId, parts] of lazyPartsOf(base)) await cache.loadLazy(formId, [...parts], 'tail')
    }
    catch (err) {
      throw toStorageError(err, 'read your data before saving')
    }
    const problems = validateTransaction(cache.state, base)
    if (problems.length > 0) throw new StorageError('invalid', `Nothing was saved: ${problems.join('; ')}`)
    // The conflict rule, against storage as it is now (ensureFresh re-read what other tabs wrote).
    const { tx: copy, conflicts, raised } = resolveCommit(base, (formId, id) => cache.state.forms.get(formId)?.records.get(id))
    if (stores.data.writeMany) {
      await commitAtOnce(copy, stores.data.writeMany, conflicts)
      landed(copy, raised)
      return false
    }
    // No atomic multi-key write: the WAL entry is the durable point, rewritten with what the
    // replay needs (the stored revs, the rows moved to the bin) before any chunk is touched.
    const written = intent ? await intent.written : new Error('no write-ahead log entry')
    if (written) throw toStorageError(written, 'save your changes')
    const key = intent!.key
    const entry: WalEntry = { kind: 'tx', tx: copy, binned: binnedRows(cache.state, copy) }
    try {
      await stores.wal.setItem(key, entry)
    }
    catch (err) {
      throw toStorageError(err, 'save your changes')
    }
    ownWal.add(key)
    inFlight.delete(key)
    const applied = cache.applyAndPlan(copy)
    let kept = false
    try {
      await executePlan(stores.data, applied.plan)
      await stores.wal.removeItem(key)
      ownWal.delete(key)
    }
    catch {
      // The change is durable in the WAL: the next commit (or the next open) replays it and
      // reports the error then if storage still refuses.
      kept = true
    }
    await post(copy, applied, conflicts)
    landed(copy, raised)
    return kept
  }

  /**
   * Applies `copy` to the cache and writes every key it touches in one IndexedDB transaction,
   * which is all-or-nothing by itself: no write-ahead log (that wrote each commit twice; an
   * import batch of 5000 records cost a third more). When the write fails nothing was stored,
   * so the cache forgets what it applied and re-reads on next use.
   */
  async function commitAtOnce(copy: Transaction, writeMany: NonNullable<KvStore['writeMany']>, conflicts: RecordConflict[]): Promise<void> {
    const applied = cache.applyAndPlan(copy)
    try {
      await writeMany(applied.plan.sets, applied.plan.removes)
    }
    catch (err) {
      if (lost || await databaseGone(name)) {
        markLost()
        throw refuseLost(copy)
      }
      for (const formId of affectedForms(copy)) cache.evict(formId)
      if (copy.defs || copy.settings) await cache.loadDefinitions().catch(() => {})
      throw toStorageError(err, 'save your changes')
    }
    await post(copy, applied, conflicts)
  }

  async function importLocked(backup: WorkspaceBackup): Promise<void> {
    await recover()
    const problems = validateTransaction(createWorkspaceState(), replaceTransaction(backup, { forms: [], defs: [] }))
    if (problems.length > 0) throw new StorageError('invalid', `Cannot import: ${problems.join('; ')}`)
    const before = await knownContent()
    const key = nextWalKey(owner.id)
    await stores.wal.setItem(key, { kind: 'replace', backup } satisfies WalEntry)
    ownWal.add(key)
    const applied = await replaceAll(backup)
    await stores.wal.removeItem(key)
    ownWal.delete(key)
    await post(replaceTransaction(backup, before), applied)
  }

  return withBlobs({
    async loadDefinitions() {
      await ready()
      return structuredClone(definitionsOf(cache.state))
    },
    async loadRecords(formId, opts) {
      const onRows = opts?.onRows
      // The rows as streamed, in order: the cache's Map of them is indexed when the page is
      // idle (ChunkedIdMap), not by listing its values here.
      const streamed = onRows ? await streamForm(formId, onRows) : undefined
      if (streamed) return streamed
      // No copy (copying 100k rows cost more than reading them): the cache's own rows, frozen,
      // since a change replaces a record object and never edits it.
      const rows = [...(await formData(formId))?.records.values() ?? []]
      for (const row of rows) freezeRecord(row)
      return rows
    },
    async loadTrash(formId) {
      return structuredClone([...(await formData(formId))?.trash.values() ?? []])
    },
    async loadStageEvents(formId, recordId) {
      await lazyData(formId, 'ev')
      // No copy, as loadRecords: the cache's own events, frozen (events are only ever
      // appended, never edited). A copy doubled the memory of a form's ~4 events per record.
      const events = stageEventsOf(cache.state, formId, recordId)
      for (const e of events) Object.freeze(e)
      return events
    },
    async loadStageEventColumns(formId) {
      await lazyData(formId, 'ev')
      // The cache's own columns (a snapshot: an append by the caller copies or writes past its length).
      return sortedByTime(cache.state.forms.get(formId)?.events.columns() ?? EMPTY_COLUMNS)
    },
    async loadChanges(formId, recordId) {
      await lazyData(formId, 'chg')
      return structuredClone(changesOf(cache.state, formId, recordId))
    },
    async loadFieldChanges(formId, fieldId) {
      await lazyData(formId, 'chg')
      return structuredClone(fieldChangesOf(cache.state, formId, fieldId))
    },
    commit(tx) {
      if (closed) return Promise.reject(new StorageError('unavailable', 'The storage adapter is closed.'))
      let copy: Transaction
      try {
        // Frozen records (an import batch's) are shared, not copied: see copyTransaction.
        copy = copyTransaction(tx, 'the transaction')
      }
      catch (err) {
        return Promise.reject(err)
      }
      if (lost) return Promise.reject(refuseLost(copy))
      // The WAL write starts here, in the task of the edit: no waiting for the open, the lock
      // or earlier commits before the change is durable.
      const intent = startIntent(copy)
      return (async () => {
        try {
          await ready()
        }
        catch (err) {
          await dropIntent(intent)
          throw err
        }
        if (lost) {
          await dropIntent(intent)
          throw refuseLost(copy)
        }
        await locked(() => commitLocked(copy, intent))
      })()
    },
    async exportBackup() {
      await ready()
      // What memory holds: every form this page loaded, with the changes refused since the loss.
      if (lost) return structuredClone(stateToBackup(cache.state, now()))
      return locked(async () => {
        const keys = await stores.data.keys()
        for (const key of keys) {
          const formId = key.slice(4)
          if (key.startsWith('man:') && !cache.isLoaded(formId)) await cache.loadForm(formId)
        }
        for (const formId of cache.layouts.keys()) await cache.loadLazy(formId, LAZY_PARTS, 'all')
        return structuredClone(stateToBackup(cache.state, now()))
      }).catch((err: unknown) => {
        throw toStorageError(err, 'export a backup')
      })
    },
    async importBackup(backup) {
      await ready()
      const problems = checkBackup(backup)
      if (problems.length > 0) throw new StorageError('invalid', `Cannot import: ${problems.join('; ')}`)
      const copy = clonePlain(backup, 'the backup')
      await locked(() => importLocked(copy)).catch((err: unknown) => {
        throw toStorageError(err, 'import the backup')
      })
    },
    onStorageLost(listener) {
      lostListeners.add(listener)
      if (lost) listener()
      return () => lostListeners.delete(listener)
    },
    onExternalChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      if (closed) return
      closed = true
      stopWatching()
      listeners.clear()
      lostListeners.clear()
      channel?.close()
      await locked(async () => {}).catch(() => {})
      owner.release()
    },
  }, options.blobs ?? createIdbBlobStore(`${name}-blobs`))
}

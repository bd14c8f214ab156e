import { asColumns, plainEvent, sortedByTime } from '../events'
import type { WorkspaceBackup } from '../schema/types'
import type { ExternalChange, StorageAdapter, Transaction } from './adapter'
import { StorageError } from './adapter'
import { applyTransaction } from './apply-transaction'
import { checkBackup, definitionKeysOf, replaceTransaction, stateToBackup } from './backup'
import { decodeBlobs } from './blob-backup'
import { createMemoryBlobStore } from './blob-store'
import { clonePlain } from './clone'
import type { RecordConflict } from './conflicts'
import { resolveCommit } from './conflicts'
import type { BusMember } from './memory-bus'
import { joinBus, postToBus } from './memory-bus'
import { changesOf, definitionsOf, fieldChangesOf, stageEventsOf } from './queries'
import { validateTransaction } from './validate-transaction'
import { withBlobs } from './with-blobs'
import { createWorkspaceState } from './workspace-state'

/** Options of `createMemoryAdapter`. */
export interface MemoryAdapterOptions {
  /**
   * Adapters created with the same channel name see each other's commits through
   * `onExternalChange`, as two browser tabs of one workspace do. Each keeps its own state
   * (like each tab's cache): start them empty or from the same `seed`.
   * @default undefined (no channel)
   */
  channelName?: string
  /** Initial content, as from `exportBackup` (its files too). @default an empty workspace */
  seed?: WorkspaceBackup
  /** Clock for `exportedAt`. @default Date.now */
  now?: () => number
}

/**
 * The reference StorageAdapter, kept in memory: for unit and store tests, and the behaviour
 * the persistent adapters must match. Copies data on the way in and out, so callers cannot
 * change stored state by mutating what they passed or received.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): StorageAdapter {
  const { channelName, now = Date.now } = options
  let state = createWorkspaceState()
  const listeners = new Set<(change: ExternalChange) => void>()
  let closed = false
  /** The rev this instance last stored per record (`formId`, NUL, id), to tell its own overwritten versions. */
  const authored = new Map<string, number>()
  const keyOf = (formId: string, id: string): string => `${formId}\u0000${id}`

  function notify(tx: Transaction, conflicts: readonly RecordConflict[] = []): void {
    const overwritten = conflicts.filter(c => authored.get(keyOf(c.formId, c.recordId)) === c.lostRev)
    for (const listener of listeners) listener({ tx: structuredClone(tx), ...(overwritten.length ? { overwritten } : {}) })
  }

  const member: BusMember = {
    receive(tx, conflicts) {
      applyTransaction(state, tx)
      notify(tx, conflicts)
    },
  }
  const leave = channelName === undefined ? () => {} : joinBus(channelName, member)

  function ensureOpen(): void {
    if (closed) throw new StorageError('unavailable', 'The storage adapter is closed.')
  }

  function commitNow(tx: Transaction): void {
    ensureOpen()
    const copy = clonePlain(tx, 'the transaction')
    const problems = validateTransaction(state, copy)
    if (problems.length > 0) throw new StorageError('invalid', `Nothing was saved: ${problems.join('; ')}`)
    const { tx: stored, conflicts, raised } = resolveCommit(copy, (formId, id) => state.forms.get(formId)?.records.get(id))
    applyTransaction(state, stored)
    for (const [formId, ch] of Object.entries(stored.records ?? {})) {
      for (const row of ch.put ?? []) authored.set(keyOf(formId, row.id), row.rev)
    }
    if (channelName !== undefined) postToBus(channelName, member, stored, conflicts)
    if (raised.length > 0) {
      // This instance's own screen learns the stored revs, after the caller's continuation.
      const records: NonNullable<Transaction['records']> = {}
      for (const { formId, row } of raised) (records[formId] ??= { put: [] }).put!.push(structuredClone(row))
      setTimeout(() => {
        if (!closed) notify({ records })
      }, 0)
    }
  }

  const seedFiles = decodeBlobs(options.seed?.blobs ?? [])
  const blobStore = createMemoryBlobStore(seedFiles.ok ? seedFiles.puts.map(p => [p.key, { blob: p.blob, putAt: 0 }]) : [])
  if (options.seed) {
    const { blobs: _files, ...seed } = clonePlain(options.seed, 'the seed backup')
    applyTransaction(state, replaceTransaction(seed, { forms: [], defs: [] }))
  }

  return withBlobs({
    loadDefinitions: async () => structuredClone(definitionsOf(state)),
    loadRecords: async formId => structuredClone([...state.forms.get(formId)?.records.values() ?? []]),
    loadTrash: async formId => structuredClone([...state.forms.get(formId)?.trash.values() ?? []]),
    loadStageEvents: async (formId, recordId) => structuredClone(stageEventsOf(state, formId, recordId)),
    // Own buffers (copied), so nothing appended to them reaches the state.
    loadStageEventColumns: async formId => sortedByTime(asColumns(stageEventsOf(state, formId).map(plainEvent))),
    loadChanges: async (formId, recordId) => structuredClone(changesOf(state, formId, recordId)),
    loadFieldChanges: async (formId, fieldId) => structuredClone(fieldChangesOf(state, formId, fieldId)),
    commit: async tx => commitNow(tx),
    exportBackup: async () => structuredClone(stateToBackup(state, now())),
    async importBackup(backup) {
      ensureOpen()
      const problems = checkBackup(backup)
      if (problems.length > 0) throw new StorageError('invalid', `Cannot import: ${problems.join('; ')}`)
      const copy = clonePlain(backup, 'the backup')
      const tx = replaceTransaction(copy, { forms: state.forms.keys(), defs: definitionKeysOf(state) })
      const next = createWorkspaceState()
      const txProblems = validateTransaction(next, tx)
      if (txProblems.length > 0) throw new StorageError('invalid', `Cannot import: ${txProblems.join('; ')}`)
      applyTransaction(next, tx)
      state = next
      if (channelName !== undefined) postToBus(channelName, member, tx)
    },
    onExternalChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      closed = true
      listeners.clear()
      leave()
    },
  }, blobStore)
}

import type { Transaction } from '../core/storage/adapter'
import type { RecordRow, WorkspaceBackup } from '../core/schema/types'
import type { WorkspaceState } from '../core/storage/workspace-state'
import { formDataOf } from '../core/storage/workspace-state'

/**
 * One write-ahead-log entry, stored under one key (one IndexedDB transaction, the durable
 * point of a commit) before any chunk is touched, and removed once the chunks are written.
 */
export type WalEntry
  = | {
    kind: 'tx'
    tx: Transaction
    /** Rows the tx moves to the recycle bin, per form: the tx names them only by id. */
    binned: Record<string, RecordRow[]>
    /**
     * Written before the commit was checked (in the task of the edit): a replay validates it
     * first, and drops it when it would have been refused or already landed. Without it the
     * entry was checked and chunks may be half-written: it is replayed as it is.
     */
    intent?: boolean
  }
  | { kind: 'replace', backup: WorkspaceBackup }

let counter = 0

/** A WAL key that sorts by creation time and names the adapter instance that wrote it: `wal:<epoch ms>:<counter>:<owner>`. */
export function nextWalKey(owner: string): string {
  counter += 1
  return `wal:${String(Date.now()).padStart(15, '0')}:${String(counter).padStart(9, '0')}:${owner}`
}

/** The adapter instance that wrote a WAL key (see `nextWalKey`). */
export function ownerOfWalKey(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1)
}

/** Forms whose stored data `tx` touches. */
export function affectedForms(tx: Transaction): Set<string> {
  return new Set([
    ...Object.keys(tx.records ?? {}),
    ...(tx.stageEvents ?? []).map(e => e.formId),
    ...(tx.changes ?? []).map(c => c.formId),
    ...(tx.dropForms ?? []),
  ])
}

/** The rows `tx` moves to the recycle bin, read from `state` before the tx is applied. */
export function binnedRows(state: WorkspaceState, tx: Transaction): Record<string, RecordRow[]> {
  const binned: Record<string, RecordRow[]> = {}
  for (const [formId, ch] of Object.entries(tx.records ?? {})) {
    if (!ch.toTrash || !ch.delete) continue
    const live = state.forms.get(formId)?.records
    const rows = ch.delete.map(id => live?.get(id)).filter((r): r is RecordRow => r !== undefined)
    if (rows.length > 0) binned[formId] = rows
  }
  return binned
}

/**
 * Before replaying a WAL entry: puts back binned rows that a crash left in neither the live
 * chunks nor the bin chunks, so the replayed delete can move them to the bin.
 */
export function restoreBinned(state: WorkspaceState, binned: Record<string, RecordRow[]>): void {
  for (const [formId, rows] of Object.entries(binned)) {
    const data = formDataOf(state, formId)
    for (const row of rows) {
      if (!data.records.has(row.id) && !data.trash.has(row.id)) data.records.set(row.id, row)
    }
  }
}

/** `tx` without the record changes, events and change entries of `skip` forms. */
export function withoutForms(tx: Transaction, skip: Set<string>): Transaction {
  if (skip.size === 0) return tx
  return {
    ...tx,
    records: Object.fromEntries(Object.entries(tx.records ?? {}).filter(([f]) => !skip.has(f))),
    stageEvents: tx.stageEvents?.filter(e => !skip.has(e.formId)),
    changes: tx.changes?.filter(c => !skip.has(c.formId)),
  }
}

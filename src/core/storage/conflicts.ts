import type { RecordRow } from '../schema/types'
import type { Transaction } from './adapter'

/**
 * The conflict rule, shared by every adapter and by the team sync to come.
 *
 * - Every record carries a `rev`. A put of rev `r` was built from the version the writer read,
 *   rev `r - 1` (a new record: nothing).
 * - Commit order is the arbiter: each store (IndexedDB under the Web Lock, a server) applies
 *   commits one at a time, and the commit that lands last wins, whole record.
 * - A put whose base is not the stored rev overwrites a version its writer never saw: it is
 *   still stored, with a rev above the stored one (revs only grow), and the overwritten version
 *   is reported as a `RecordConflict` naming the fields whose value was lost.
 * - A put equal to what is stored (a replayed log entry, an echo) changes nothing.
 * - Every copy (each tab's screen, a sync replica) shows a version only if it is the one
 *   storage holds: `latestPuts` drops puts older than what a copy already holds.
 */

/** A stored version a commit replaced without its writer having read it. */
export interface RecordConflict {
  formId: string
  recordId: string
  /** Rev of the overwritten version: the losing writer's. */
  lostRev: number
  /** Rev now stored: the winning writer's. */
  rev: number
  /** Fields whose overwritten value differs from the stored one (never empty). */
  fields: string[]
}

/** What a commit stores once the rule is applied, and whom it overwrote. */
export interface ResolvedCommit {
  /** The transaction as stored: puts over an unseen version carry their new rev. */
  tx: Transaction
  conflicts: RecordConflict[]
  /** Puts whose rev the rule raised: the writer's own copy must be told their stored rev. */
  raised: { formId: string, row: RecordRow }[]
}

/** Looks up the stored live record (undefined: none, or its form is not stored). */
export type StoredRecord = (formId: string, recordId: string) => RecordRow | undefined

/** Structural equality of plain JSON-like data (values as read back from storage). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a).filter(k => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter(k => (b as Record<string, unknown>)[k] !== undefined)
  if (ka.length !== kb.length) return false
  return ka.every(k => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Fields whose value differs between two versions of a record. */
export function changedFields(a: RecordRow, b: RecordRow): string[] {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)])
  return [...keys].filter(k => !sameData(a.values[k] ?? null, b.values[k] ?? null))
}

/**
 * Applies the rule to `tx` against what is stored. Returns `tx` itself when nothing is
 * raised; never changes the input.
 */
export function resolveCommit(tx: Transaction, stored: StoredRecord): ResolvedCommit {
  const conflicts: RecordConflict[] = []
  const raised: { formId: string, row: RecordRow }[] = []
  let records: Transaction['records']
  for (const [formId, ch] of Object.entries(tx.records ?? {})) {
    if (!ch.put?.length) continue
    let puts: RecordRow[] | undefined
    ch.put.forEach((put, i) => {
      const current = stored(formId, put.id)
      if (!current || current.rev === put.rev - 1 || sameData(current, put)) return
      const row: RecordRow = { ...put, rev: Math.max(put.rev, current.rev + 1) }
      const fields = changedFields(current, put)
      if (fields.length > 0) conflicts.push({ formId, recordId: put.id, lostRev: current.rev, rev: row.rev, fields })
      if (row.rev !== put.rev) {
        puts ??= [...ch.put!]
        puts[i] = row
        raised.push({ formId, row })
      }
    })
    if (puts) {
      records ??= { ...tx.records }
      records[formId] = { ...ch, put: puts }
    }
  }
  return { tx: records ? { ...tx, records } : tx, conflicts, raised }
}

/** What a copy holds of a record: its version, `null` when it knows the record is not live, undefined when it cannot tell. */
export type HeldRecord = (formId: string, recordId: string) => RecordRow | null | undefined

/**
 * `tx` with only the puts that are the version a copy should show: a put is dropped when the
 * copy's `held` version of that record has another rev, or the copy knows the record is gone
 * (it holds a later commit). Returns `tx` itself when nothing is dropped.
 */
export function latestPuts(tx: Transaction, held: HeldRecord): Transaction {
  let records: Transaction['records']
  for (const [formId, ch] of Object.entries(tx.records ?? {})) {
    const keep = ch.put?.filter((put) => {
      const mine = held(formId, put.id)
      return mine === undefined || (mine !== null && mine.rev === put.rev)
    })
    if (!ch.put || keep!.length === ch.put.length) continue
    records ??= { ...tx.records }
    records[formId] = { ...ch, put: keep }
  }
  return records ? { ...tx, records } : tx
}

import type { ChangeEntry, RecordRow, StageEvent } from '../schema/types'
import type { Transaction } from './adapter'
import { StorageError } from './adapter'

/**
 * A deep copy of `value` made with `structuredClone`, so stored state never shares objects
 * with callers. Callers must pass plain data: a Vue reactive proxy, a function or a class
 * instance with private state cannot be cloned and is rejected with StorageError('invalid')
 * (unwrap with Vue's `toRaw` first).
 */
export function clonePlain<T>(value: T, what: string): T {
  try {
    return structuredClone(value)
  }
  catch (err) {
    const name = err instanceof Error ? err.name : ''
    const detail = err instanceof Error ? err.message : String(err)
    if (name === 'DataCloneError') {
      throw new StorageError(
        'invalid',
        `Cannot store ${what}: it contains a value that is not plain data (a Vue reactive proxy, `
        + `a function or a class instance?). Pass plain objects, e.g. unwrapped with toRaw(). (${detail})`,
        { cause: err },
      )
    }
    throw new StorageError('invalid', `Cannot copy ${what}: ${detail}`, { cause: err })
  }
}

/**
 * A private copy of a transaction for storage, like `clonePlain`, except that records, stage
 * events and change entries frozen by their writer (`Object.freeze`, the record's `values`
 * too) are shared instead of copied: a frozen row cannot be edited by its writer afterwards,
 * and the store replaces rows, never edits them (the rows it hands out are frozen the same way).
 * An import batch freezes what it built, so its records are not copied once more here.
 */
export function copyTransaction(tx: Transaction, what: string): Transaction {
  const shared: unknown[] = []
  const keep = <T>(item: T): T | number => {
    if (!isFrozenItem(item)) return item
    shared.push(item)
    return -shared.length
  }
  // Frozen items are swapped for placeholders, the rest cloned in one call, then swapped back.
  let records: Transaction['records']
  for (const [formId, ch] of Object.entries(tx.records ?? {})) {
    if (!ch.put?.some(isFrozenItem)) continue
    records ??= { ...tx.records }
    records[formId] = { ...ch, put: ch.put.map(keep) as RecordRow[] }
  }
  const events = tx.stageEvents?.some(isFrozenItem) ? tx.stageEvents.map(keep) as StageEvent[] : tx.stageEvents
  const changes = tx.changes?.some(isFrozenItem) ? tx.changes.map(keep) as ChangeEntry[] : tx.changes
  if (shared.length === 0) return clonePlain(tx, what)
  const copy = clonePlain({ ...tx, ...(records ? { records } : {}), ...(events ? { stageEvents: events } : {}), ...(changes ? { changes } : {}) }, what)
  const back = <T>(item: T | number): T => (typeof item === 'number' ? shared[-item - 1] as T : item)
  for (const ch of Object.values(copy.records ?? {})) if (ch.put) ch.put = ch.put.map(back)
  if (copy.stageEvents) copy.stageEvents = copy.stageEvents.map(back)
  if (copy.changes) copy.changes = copy.changes.map(back)
  return copy
}

function isFrozenItem(item: unknown): boolean {
  if (!Object.isFrozen(item)) return false
  const values = (item as { values?: unknown }).values
  return values === undefined || Object.isFrozen(values)
}

/**
 * Whether a transaction puts records frozen by their writer: an import batch's (`freezeTransaction`),
 * which its import can write again from the file (it names its records by file line).
 */
export function putsFrozenRecords(tx: Transaction): boolean {
  return Object.values(tx.records ?? {}).some(ch => ch.put?.some(isFrozenItem))
}

/** Freezes what a transaction puts (records and their values, stage events, change entries), so `copyTransaction` shares them. */
export function freezeTransaction(tx: Transaction): Transaction {
  for (const ch of Object.values(tx.records ?? {})) {
    for (const row of ch.put ?? []) {
      Object.freeze(row.values)
      Object.freeze(row)
    }
  }
  for (const e of tx.stageEvents ?? []) Object.freeze(e)
  for (const c of tx.changes ?? []) Object.freeze(c)
  return tx
}

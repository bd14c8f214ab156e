import type { Transaction } from '../storage/adapter'
import type { WriteResult } from './mutations'

function concat<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  return a || b ? [...(a ?? []), ...(b ?? [])] : undefined
}

/**
 * Joins two write results into one all-or-nothing write: refused when either is refused
 * (with both sets of issues), else one transaction holding both (record changes per form,
 * stage events, change entries and definition puts concatenated).
 */
export function mergeWrites(a: WriteResult, b: WriteResult): WriteResult {
  if (!a.ok || !b.ok) return { ok: false, issues: [...(a.ok ? [] : a.issues), ...(b.ok ? [] : b.issues)] }
  const records: NonNullable<Transaction['records']> = { ...a.tx.records }
  for (const [formId, ch] of Object.entries(b.tx.records ?? {})) {
    const prev = records[formId]
    records[formId] = prev
      ? { ...prev, ...ch, put: concat(prev.put, ch.put), delete: concat(prev.delete, ch.delete), restore: concat(prev.restore, ch.restore) }
      : ch
  }
  const tx: Transaction = {
    ...a.tx,
    records,
    stageEvents: concat(a.tx.stageEvents, b.tx.stageEvents),
    changes: concat(a.tx.changes, b.tx.changes),
  }
  const defs = concat(a.tx.defs?.put, b.tx.defs?.put)
  if (defs) tx.defs = { ...a.tx.defs, put: defs }
  return { ok: true, records: [...a.records, ...b.records], tx }
}

import type { Transaction } from '../core/storage/adapter'
import type { LazyPart } from './form-layout'

/** The lazy parts (stage events `ev`, change log `chg`) that `tx` appends to, per form. */
export function lazyPartsOf(tx: Transaction): Map<string, Set<LazyPart>> {
  const out = new Map<string, Set<LazyPart>>()
  const add = (formId: string, part: LazyPart): void => {
    let parts = out.get(formId)
    if (!parts) out.set(formId, parts = new Set())
    parts.add(part)
  }
  for (const e of tx.stageEvents ?? []) add(e.formId, 'ev')
  for (const c of tx.changes ?? []) add(c.formId, 'chg')
  return out
}

/**
 * `tx` without the stage events / change entries of the form parts in `strip` (parts another
 * tab appended to while this tab holds only their last chunk or none: they are re-read when
 * needed instead).
 */
export function withoutLazy(tx: Transaction, strip: Map<string, Set<LazyPart>>): Transaction {
  if (strip.size === 0) return tx
  const drops = (formId: string, part: LazyPart): boolean => strip.get(formId)?.has(part) === true
  return {
    ...tx,
    stageEvents: tx.stageEvents?.filter(e => !drops(e.formId, 'ev')),
    changes: tx.changes?.filter(c => !drops(c.formId, 'chg')),
  }
}

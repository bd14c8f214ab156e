import type { RecordChanges, Transaction } from './adapter'
import type { WorkspaceState } from './workspace-state'
import { DEFINITION_KINDS } from './workspace-state'

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0
}

/**
 * Problems that make `tx` unwritable against `state`, as plain sentences (empty: valid).
 * Checks shapes (ids, record values, event and change fields, definition kinds) and the
 * recycle-bin rules: `delete` needs a live record, `restore` needs a record in the bin and its
 * row in `put`, `purge` needs a record in the bin, and `put` may not revive a binned record
 * without `restore`. Runs before anything is applied, which is what makes commits atomic.
 */
export function validateTransaction(state: WorkspaceState, tx: Transaction): string[] {
  const problems: string[] = []
  if (typeof tx !== 'object' || tx === null) return ['the transaction is not an object']
  const dropped = new Set(tx.dropForms ?? [])
  for (const id of tx.dropForms ?? []) if (!isId(id)) problems.push('dropForms holds an empty form id')
  for (const p of tx.defs?.put ?? []) {
    if (!DEFINITION_KINDS.includes(p.kind)) problems.push(`unknown definition kind "${String(p.kind)}"`)
    else if (!isObject(p.doc) || !isId(p.doc.id)) problems.push(`a ${p.kind} definition has no id`)
  }
  for (const d of tx.defs?.delete ?? []) {
    if (!DEFINITION_KINDS.includes(d.kind)) problems.push(`unknown definition kind "${String(d.kind)}"`)
  }
  if (tx.settings !== undefined && (!isObject(tx.settings) || !Array.isArray(tx.settings.members))) {
    problems.push('settings must be an object with a members list')
  }
  for (const [formId, ch] of Object.entries(tx.records ?? {})) {
    const form = dropped.has(formId) ? undefined : state.forms.get(formId)
    problems.push(...validateRecordChanges(formId, ch, new Overlay(form?.records), new Overlay(form?.trash)))
  }
  for (const ev of tx.stageEvents ?? []) {
    if (!isObject(ev) || !isId(ev.id) || !isId(ev.formId) || !isId(ev.recordId) || !isId(ev.fieldId)
      || typeof ev.to !== 'string' || typeof ev.at !== 'number') {
      problems.push(`stage event ${String(ev?.id)} lacks id, formId, recordId, fieldId, to or a numeric at`)
    }
  }
  for (const c of tx.changes ?? []) {
    if (!isObject(c) || !isId(c.id) || !isId(c.formId) || !isId(c.recordId) || typeof c.at !== 'number') {
      problems.push(`change entry ${String(c?.id)} lacks id, formId, recordId or a numeric at`)
    }
  }
  return problems
}

/** A stored id set plus pending additions and removals, without copying the stored ids. */
class Overlay {
  private readonly added = new Set<string>()
  private readonly removed = new Set<string>()
  constructor(private readonly base: ReadonlyMap<string, unknown> | undefined) {}
  has(id: string): boolean {
    return this.added.has(id) || (!this.removed.has(id) && this.base?.has(id) === true)
  }

  add(id: string): void {
    this.removed.delete(id)
    this.added.add(id)
  }

  delete(id: string): void {
    this.added.delete(id)
    this.removed.add(id)
  }
}

function validateRecordChanges(formId: string, ch: RecordChanges, live: Overlay, trash: Overlay): string[] {
  const problems: string[] = []
  const where = `form ${formId}`
  const putIds = new Set<string>()
  for (const row of ch.put ?? []) {
    if (!isObject(row) || !isId(row.id) || !isObject(row.values)) {
      problems.push(`${where}: a record lacks an id or a values object`)
      continue
    }
    if (putIds.has(row.id)) problems.push(`${where}: record ${row.id} is put twice`)
    putIds.add(row.id)
  }
  const restored = new Set(ch.restore ?? [])
  for (const id of restored) {
    if (!trash.has(id)) problems.push(`${where}: record ${id} is not in the recycle bin, so it cannot be restored`)
    else if (!putIds.has(id)) problems.push(`${where}: restored record ${id} has no row in put`)
    trash.delete(id)
  }
  for (const id of putIds) {
    if (trash.has(id)) problems.push(`${where}: record ${id} is in the recycle bin; restore it instead of putting it`)
    live.add(id)
  }
  for (const id of ch.delete ?? []) {
    if (!live.has(id)) problems.push(`${where}: record ${id} does not exist, so it cannot be deleted`)
    live.delete(id)
    if (ch.toTrash) trash.add(id)
  }
  for (const id of ch.purge ?? []) {
    if (!trash.has(id)) problems.push(`${where}: record ${id} is not in the recycle bin, so it cannot be purged`)
    trash.delete(id)
  }
  return problems
}

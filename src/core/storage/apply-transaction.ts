import type { DefinitionKind, Transaction } from './adapter'
import type { FormData, WorkspaceState } from './workspace-state'
import { formDataOf } from './workspace-state'

/** Ids of one form whose stored presence or content a transaction changed. */
export interface FormEffects {
  records: Set<string>
  trash: Set<string>
  events: Set<string>
  changes: Set<string>
}

/** What `applyTransaction` changed, so a persistent adapter knows which keys to rewrite. */
export interface TxEffects {
  /** Forms whose data was dropped entirely (applied before everything else). */
  dropped: string[]
  /** Per form, in the order the ids were touched (new ids in insertion order). */
  forms: Map<string, FormEffects>
  defs: { kind: DefinitionKind, id: string }[]
  settings: boolean
}

function effectsOf(effects: TxEffects, formId: string): FormEffects {
  let e = effects.forms.get(formId)
  if (!e) {
    e = { records: new Set(), trash: new Set(), events: new Set(), changes: new Set() }
    effects.forms.set(formId, e)
  }
  return e
}

/**
 * Applies `tx` to `state` in place, in a fixed order: dropForms, definition deletes, definition
 * puts, settings, then per form restore, put, delete (to trash when `toTrash`), purge, then
 * stage events and change entries (skipped when their id is already stored).
 *
 * Every step is idempotent, so applying a transaction twice (write-ahead-log replay, a change
 * echoed from another tab) gives the same state as applying it once. It does not validate:
 * callers that want all-or-nothing behaviour run `validateTransaction` first. It stores the
 * objects it is given, so pass a private copy.
 */
export function applyTransaction(state: WorkspaceState, tx: Transaction): TxEffects {
  const effects: TxEffects = { dropped: [], forms: new Map(), defs: [], settings: false }
  for (const formId of tx.dropForms ?? []) {
    state.forms.delete(formId)
    effects.dropped.push(formId)
    effects.forms.delete(formId)
  }
  for (const { kind, id } of tx.defs?.delete ?? []) {
    state.defs[kind].delete(id)
    effects.defs.push({ kind, id })
  }
  for (const { kind, doc } of tx.defs?.put ?? []) {
    // The kind/doc pairing is checked by validateTransaction; the Map is keyed by id only.
    ;(state.defs[kind] as Map<string, typeof doc>).set(doc.id, doc)
    effects.defs.push({ kind, id: doc.id })
  }
  if (tx.settings) {
    state.settings = tx.settings
    effects.settings = true
  }
  for (const [formId, ch] of Object.entries(tx.records ?? {})) {
    applyRecordChanges(formDataOf(state, formId), ch, effectsOf(effects, formId))
  }
  for (const ev of tx.stageEvents ?? []) {
    const data = formDataOf(state, ev.formId)
    if (data.events.has(ev.id)) continue
    data.events.add(ev)
    effectsOf(effects, ev.formId).events.add(ev.id)
  }
  for (const entry of tx.changes ?? []) {
    const data = formDataOf(state, entry.formId)
    if (data.changes.has(entry.id)) continue
    data.changes.set(entry.id, entry)
    effectsOf(effects, entry.formId).changes.add(entry.id)
  }
  return effects
}

function applyRecordChanges(data: FormData, ch: NonNullable<Transaction['records']>[string], e: FormEffects): void {
  for (const id of ch.restore ?? []) {
    if (data.trash.delete(id)) e.trash.add(id)
  }
  for (const row of ch.put ?? []) {
    data.records.set(row.id, row)
    e.records.add(row.id)
  }
  for (const id of ch.delete ?? []) {
    const row = data.records.get(id)
    if (!row) continue
    data.records.delete(id)
    e.records.add(id)
    if (ch.toTrash) {
      data.trash.delete(id)
      data.trash.set(id, row)
      e.trash.add(id)
    }
  }
  for (const id of ch.purge ?? []) {
    if (data.trash.delete(id)) e.trash.add(id)
  }
}

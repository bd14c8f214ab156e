import type { FieldDef, FormDef, RecordRow } from '../schema/types'
import type { RecordPatch } from '../records/mutations'
import { fieldRegistry } from '../fields'

/** What a batch operation does to each chosen record. */
export type BatchAction
  = | { kind: 'set', field: string, value: unknown }
    | { kind: 'clear', field: string }
    | { kind: 'delete' }

/** Fields a person may set or clear in bulk: stored, writable, not layout or computed. */
export function batchEditableFields(form: FormDef): FieldDef[] {
  return form.fields.filter(f => !f.readOnly && !fieldRegistry[f.type].computed)
}

/** The value a field holds after "clear". */
export function clearedValue(field: FieldDef): unknown {
  return fieldRegistry[field.type].emptyValue
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * The records an action really changes (a record already holding the value is left alone),
 * for the preview count and for the patches.
 */
export function affectedRecords(records: readonly RecordRow[], action: BatchAction, form: FormDef): RecordRow[] {
  if (action.kind === 'delete') return [...records]
  const field = form.fields.find(f => f.id === action.field)
  if (!field) return []
  const value = action.kind === 'set' ? action.value : clearedValue(field)
  return records.filter(r => !sameValue(r.values[field.id], value))
}

/** The patches for a set or clear action (empty for delete, which removes records instead). */
export function batchPatches(records: readonly RecordRow[], action: BatchAction, form: FormDef): RecordPatch[] {
  if (action.kind === 'delete') return []
  const field = form.fields.find(f => f.id === action.field)
  if (!field) return []
  const value = action.kind === 'set' ? action.value : clearedValue(field)
  return affectedRecords(records, action, form).map(r => ({ recordId: r.id, values: { [field.id]: value } }))
}

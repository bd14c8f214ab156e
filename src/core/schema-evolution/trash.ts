/** Deleting a field into the form's trash (its values stay in the records) and restoring it. */
import type { FieldDef, FormDef } from '../schema/types'

const LAYOUT = new Set(['separator', 'description'])

/** The form with the field moved to the trash; the title field moves on when it was the one deleted. */
export function trashField(form: FormDef, fieldId: string, now: number): FormDef {
  const field = form.fields.find(f => f.id === fieldId)
  if (!field) return form
  const fields = form.fields.filter(f => f.id !== fieldId)
  const next: FormDef = { ...form, fields, trash: [...(form.trash ?? []), { field, deletedAt: now, reason: 'delete' }] }
  if (form.titleField === fieldId) {
    const title = fields.find(f => !LAYOUT.has(f.type))?.id
    if (title) next.titleField = title
    else delete next.titleField
  }
  return next
}

/** The form with a trashed field back at the end of the fields (or at `index`); its values are still in the records. */
export function restoreField(form: FormDef, fieldId: string, index?: number): FormDef {
  const entry = form.trash?.find(t => t.field.id === fieldId)
  if (!entry) return form
  const fields = [...form.fields]
  fields.splice(index ?? fields.length, 0, entry.field)
  const trash = (form.trash ?? []).filter(t => t !== entry)
  const next: FormDef = { ...form, fields, trash }
  if (!trash.length) delete next.trash
  return next
}

/** Fields of `before` that are neither fields nor trash entries of `after` (removed by a JSON edit): trashed so their data stays reachable. */
export function keepRemovedFields(before: FormDef, after: FormDef, now: number): FormDef {
  const present = new Set([...after.fields.map(f => f.id), ...(after.trash ?? []).map(t => t.field.id)])
  const lost: FieldDef[] = before.fields.filter(f => !present.has(f.id))
  const lostTrash = (before.trash ?? []).filter(t => !present.has(t.field.id))
  if (!lost.length && !lostTrash.length) return after
  return { ...after, trash: [...(after.trash ?? []), ...lostTrash, ...lost.map(field => ({ field, deletedAt: now, reason: 'delete' as const }))] }
}

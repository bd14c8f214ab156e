/** The schema history of a form: what changed between two definitions, appended to `form.history`. */
import type { FieldDef, FormDef, SchemaChange } from '../schema/types'
import { labelText } from '../utils/label'
import { optionIdsOf } from './options'

/** At most this many entries are kept (oldest dropped first). */
export const HISTORY_LIMIT = 200

function json(x: unknown): string {
  return JSON.stringify(x)
}

function labelOf(field: FieldDef): string {
  return labelText(field.label, 'zh-CN') || labelText(field.label, 'en') || field.id
}

function fieldChanges(a: FieldDef, b: FieldDef, at: number): SchemaChange[] {
  const base = { at, fieldId: b.id, label: b.label }
  if (a.type !== b.type) return [{ ...base, kind: 'changeType', from: a.type, to: b.type }]
  const out: SchemaChange[] = []
  if (json(a.label) !== json(b.label)) out.push({ ...base, kind: 'renameField', from: labelOf(a).slice(0, 200), to: labelOf(b).slice(0, 200) })
  const removed = optionIdsOf(a).filter(id => !optionIdsOf(b).includes(id))
  if (removed.length) out.push({ ...base, kind: 'removeOption', from: removed.join(',').slice(0, 200) })
  else if (json(a.options) !== json(b.options)) out.push({ ...base, kind: optionIdsOf(a).length ? 'changeOptions' : 'editField' })
  const { label: _la, options: _oa, ...restA } = a
  const { label: _lb, options: _ob, ...restB } = b
  if (json(restA) !== json(restB) && !out.some(c => c.kind === 'editField')) out.push({ ...base, kind: 'editField' })
  return out
}

/** The changes from `before` to `after`, stamped `at`. */
export function diffSchema(before: FormDef, after: FormDef, at: number): SchemaChange[] {
  const out: SchemaChange[] = []
  const old = new Map(before.fields.map(f => [f.id, f]))
  const now = new Map(after.fields.map(f => [f.id, f]))
  const wasTrashed = new Set((before.trash ?? []).map(t => t.field.id))
  for (const f of after.fields) {
    const prev = old.get(f.id)
    if (!prev) out.push({ at, kind: wasTrashed.has(f.id) ? 'restoreField' : 'addField', fieldId: f.id, label: f.label })
    else out.push(...fieldChanges(prev, f, at))
  }
  for (const f of before.fields) if (!now.has(f.id)) out.push({ at, kind: 'deleteField', fieldId: f.id, label: f.label })
  const order = (form: FormDef, keep: ReadonlySet<string>) => form.fields.map(f => f.id).filter(id => keep.has(id))
  const common = new Set([...old.keys()].filter(id => now.has(id)))
  if (json(order(before, common)) !== json(order(after, common))) out.push({ at, kind: 'moveField' })
  const settings = (f: FormDef) => json([f.name, f.titleField, f.rules])
  if (settings(before) !== settings(after)) out.push({ at, kind: 'editForm' })
  return out
}

/** The form with `changes` appended to its history (capped at HISTORY_LIMIT). */
export function appendHistory(form: FormDef, changes: readonly SchemaChange[]): FormDef {
  if (!changes.length) return form
  return { ...form, history: [...(form.history ?? []), ...changes].slice(-HISTORY_LIMIT) }
}

import type { ChangeEntry, FieldDef, FormDef, Label, Locale, Member } from '../schema/types'
import type { FormatContext } from '../fields'
import { fieldRegistry } from '../fields'
import { labelText } from '../utils/label'

/** One changed field of a log entry, as people read it. */
export interface ChangeLine {
  fieldId: string
  label: string
  from: string
  to: string
}

/** A log entry ready to show: when, who, what kind, and the changed fields. */
export interface ChangeView {
  id: string
  at: number
  kind: ChangeEntry['kind']
  /** The member's name, the stored id when the member was removed, '' when unknown. */
  who: string
  /** The automation that made the change, when one did (its id; the name is the current definition's). */
  automationId?: string
  lines: ChangeLine[]
}

/** Fields of the form, including deleted ones still in its trash, by id. */
function fieldIndex(form: FormDef): Map<string, FieldDef> {
  const out = new Map<string, FieldDef>()
  for (const t of form.trash ?? []) out.set(t.field.id, t.field)
  for (const f of form.fields) out.set(f.id, f)
  return out
}

/**
 * Turns a record's change log into readable lines: member names from the workspace, field
 * labels, and old/new values formatted by the field type (an unknown field shows raw JSON),
 * with `ctx` when given (related record titles, lookups: core/records/field-format).
 * Newest entries first.
 */
export function describeChanges(entries: readonly ChangeEntry[], form: FormDef, members: readonly Member[], locale: Locale, ctx?: FormatContext): ChangeView[] {
  const fields = fieldIndex(form)
  const names = new Map(members.map(m => [m.id, m.name]))
  const fmt = (field: FieldDef | undefined, v: unknown): string => {
    if (v === null || v === undefined) return ''
    if (!field) return typeof v === 'string' ? v : JSON.stringify(v)
    return fieldRegistry[field.type].format(v, field as never, ctx ?? { locale, members })
  }
  return [...entries].sort((a, b) => b.at - a.at).map(e => ({
    id: e.id,
    at: e.at,
    kind: e.kind,
    who: e.memberId ? (names.get(e.memberId) ?? e.memberId) : '',
    ...(e.automationId ? { automationId: e.automationId } : {}),
    lines: (e.changes ?? []).map((c) => {
      const field = fields.get(c.field)
      const label: Label = field?.label ?? c.field
      return { fieldId: c.field, label: labelText(label, locale), from: fmt(field, c.from), to: fmt(field, c.to) }
    }),
  }))
}

/** What the record form shows: values with formulas recomputed and system fields filled, and which fields are visible. */
import type { FieldDef, RecordRow } from '@/core/schema/types'
import { computeFormulas } from '@/core/formula'
import { compileFilter } from '@/core/query'
import { withScores } from '@/core/records'

/** Values plus live formula results and the record's system values (created/updated at/by). */
export function displayValues(fields: readonly FieldDef[], values: Readonly<Record<string, unknown>>, record?: RecordRow): Record<string, unknown> {
  // Stored computed values (serials, lookups) show from the record; the input never carries them.
  const out: Record<string, unknown> = { ...record?.values, ...values }
  if (fields.some(f => f.type === 'formula' || f.type === 'subform')) Object.assign(out, computeFormulas(fields, values, { now: Date.now() }))
  // Scores follow the values being typed, as they will be stored on save.
  if (fields.some(f => f.type === 'score')) withScores({ fields: fields as FieldDef[] }, out, Date.now())
  for (const f of fields) {
    if (!record) continue
    if (f.type === 'createdAt') out[f.id] = record.createdAt
    else if (f.type === 'updatedAt') out[f.id] = record.updatedAt
    else if (f.type === 'createdBy') out[f.id] = record.createdBy
    else if (f.type === 'updatedBy') out[f.id] = record.updatedBy
  }
  return out
}

/** Ids of the fields whose `visibleWhen` holds for the values (fields without one are visible). */
export function visibleFieldIds(fields: readonly FieldDef[], values: Readonly<Record<string, unknown>>, memberId?: string): Set<string> {
  const now = Date.now()
  const row: RecordRow = { id: '', values: { ...values }, createdAt: now, updatedAt: now, rev: 0 }
  return new Set(fields.filter(f => !f.visibleWhen || compileFilter(f.visibleWhen, fields, { now, currentMemberId: memberId })(row)).map(f => f.id))
}

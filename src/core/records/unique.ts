/** Enforcement of `unique` fields against the form's other records and the rest of a batch. */
import type { FieldDef, FormDef, RecordRow } from '../schema/types'
import type { WriteIssue } from './mutations'
import { behaviourOf } from '../fields/registry'
import { labelText } from '../utils/label'

/** The comparison key of a value: text is trimmed and case-folded, other values compared as JSON. */
export function uniqueKey(value: unknown): string {
  if (typeof value === 'string') return `s:${value.trim().toLowerCase()}`
  return `j:${JSON.stringify(value)}`
}

function uniqueFields(form: FormDef): FieldDef[] {
  return form.fields.filter(f => f.unique && !behaviourOf(f).computed)
}

function duplicateIssue(field: FieldDef, value: unknown): WriteIssue {
  const zh = labelText(field.label, 'zh-CN') || field.id
  const en = labelText(field.label, 'en') || field.id
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return {
    fieldId: field.id,
    label: field.label,
    code: 'duplicate',
    message: { 'zh-CN': `${zh}：「${text}」已存在，此字段不允许重复`, 'en': `${en}: "${text}" already exists; this field must be unique` },
  }
}

/**
 * Issues per candidate record id for values of unique fields already held by another record
 * (existing records other than the candidate itself, or earlier candidates of the same batch).
 */
export function uniqueIssues(form: FormDef, candidates: readonly { id: string, values: Readonly<Record<string, unknown>> }[], existing: Iterable<RecordRow>): Map<string, WriteIssue[]> {
  const out = new Map<string, WriteIssue[]>()
  const fields = uniqueFields(form)
  if (!fields.length || !candidates.length) return out
  const candidateIds = new Set(candidates.map(c => c.id))
  const taken = new Map<string, Set<string>>(fields.map(f => [f.id, new Set<string>()]))
  for (const r of existing) {
    if (candidateIds.has(r.id)) continue
    for (const f of fields) {
      const v = r.values[f.id]
      if (!behaviourOf(f).isEmpty(v) && v !== undefined) taken.get(f.id)!.add(uniqueKey(v))
    }
  }
  for (const c of candidates) {
    for (const f of fields) {
      const v = c.values[f.id]
      if (v === undefined || behaviourOf(f).isEmpty(v)) continue
      const key = uniqueKey(v)
      const seen = taken.get(f.id)!
      if (seen.has(key)) out.set(c.id, [...(out.get(c.id) ?? []), duplicateIssue(f, v)])
      seen.add(key)
    }
  }
  return out
}

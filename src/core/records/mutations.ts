import type { ChangeEntry, FieldDef, FormDef, Label, RecordRow, StageEvent } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import { newId } from '../utils/id'

/** Who and when, for logs and system fields. */
export interface WriteContext {
  now: number
  memberId?: string
}

/** A field-level problem that refuses a write; `message` is ready for the user in both languages. */
export interface WriteIssue {
  fieldId: string
  label?: Label
  code: string
  message: { 'zh-CN': string, 'en': string }
}

/**
 * Validates the values of a whole record; returns [] when valid. `before` is the record's
 * stored values for an update (absent for a new record), for rules about changes such as
 * stage gates.
 */
export type ValuesValidator = (values: Record<string, unknown>, before?: Record<string, unknown>) => WriteIssue[]

export type WriteResult =
  | { ok: true, records: RecordRow[], tx: Transaction }
  | { ok: false, issues: { recordId: string, issues: WriteIssue[] }[] }

/** A change to one record: the fields to set. */
export interface RecordPatch {
  recordId: string
  values: Record<string, unknown>
}

function stageFields(form: FormDef): FieldDef[] {
  return form.fields.filter(f => f.type === 'stage')
}

function stageEventsFor(form: FormDef, recordId: string, before: Record<string, unknown>, after: Record<string, unknown>, at: number): StageEvent[] {
  const events: StageEvent[] = []
  for (const f of stageFields(form)) {
    const from = (before[f.id] ?? null) as string | null
    const to = (after[f.id] ?? null) as string | null
    if (to !== null && to !== '' && to !== from)
      events.push({ id: newId(), formId: form.id, recordId, fieldId: f.id, from: from === '' ? null : from, to, at })
  }
  return events
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): { field: string, from: unknown, to: unknown }[] {
  const out: { field: string, from: unknown, to: unknown }[] = []
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      out.push({ field: key, from: before[key] ?? null, to: after[key] ?? null })
  }
  return out
}

/**
 * Builds one atomic transaction for new records: validated, logged, with a stage event for
 * every stage field that starts with a value.
 */
export function createRecords(form: FormDef, valuesList: Record<string, unknown>[], validate: ValuesValidator, ctx: WriteContext): WriteResult {
  const records: RecordRow[] = []
  const failures: { recordId: string, issues: WriteIssue[] }[] = []
  const events: StageEvent[] = []
  const changes: ChangeEntry[] = []
  for (const values of valuesList) {
    const id = newId()
    const issues = validate(values)
    if (issues.length) {
      failures.push({ recordId: id, issues })
      continue
    }
    const rec: RecordRow = { id, values: { ...values }, createdAt: ctx.now, updatedAt: ctx.now, rev: 1, createdBy: ctx.memberId, updatedBy: ctx.memberId }
    records.push(rec)
    events.push(...stageEventsFor(form, id, {}, values, ctx.now))
    changes.push({ id: newId(), formId: form.id, recordId: id, at: ctx.now, memberId: ctx.memberId, kind: 'create' })
  }
  if (failures.length) return { ok: false, issues: failures }
  return { ok: true, records, tx: { records: { [form.id]: { put: records } }, stageEvents: events, changes } }
}

/**
 * Applies patches to existing records as one transaction. Every patched record is validated
 * whole; any invalid record refuses the entire batch and nothing changes.
 */
export function updateRecords(form: FormDef, byId: ReadonlyMap<string, RecordRow>, patches: RecordPatch[], validate: ValuesValidator, ctx: WriteContext): WriteResult {
  const records: RecordRow[] = []
  const failures: { recordId: string, issues: WriteIssue[] }[] = []
  const events: StageEvent[] = []
  const changes: ChangeEntry[] = []
  for (const patch of patches) {
    const old = byId.get(patch.recordId)
    if (!old) {
      failures.push({ recordId: patch.recordId, issues: [{ fieldId: '', code: 'missing', message: { 'zh-CN': '记录不存在或已被删除', 'en': 'The record no longer exists' } }] })
      continue
    }
    const values = { ...old.values, ...patch.values }
    const issues = validate(values, old.values)
    if (issues.length) {
      failures.push({ recordId: old.id, issues })
      continue
    }
    const changed = diff(old.values, values)
    if (!changed.length) continue
    records.push({ ...old, values, updatedAt: ctx.now, updatedBy: ctx.memberId, rev: old.rev + 1 })
    events.push(...stageEventsFor(form, old.id, old.values, values, ctx.now))
    changes.push({ id: newId(), formId: form.id, recordId: old.id, at: ctx.now, memberId: ctx.memberId, kind: 'update', changes: changed })
  }
  if (failures.length) return { ok: false, issues: failures }
  return { ok: true, records, tx: { records: { [form.id]: { put: records } }, stageEvents: events, changes } }
}

/** Moves records to the recycle bin as one transaction. */
export function deleteRecords(form: FormDef, ids: string[], ctx: WriteContext): Transaction {
  return {
    records: { [form.id]: { delete: ids, toTrash: true } },
    changes: ids.map(recordId => ({ id: newId(), formId: form.id, recordId, at: ctx.now, memberId: ctx.memberId, kind: 'delete' as const })),
  }
}

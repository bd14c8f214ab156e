import type { ChangeEntry, FieldDef, FormDef, Label, RecordRow, StageEvent } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import type { ComputeContext } from '../formula/compute'
import { newId } from '../utils/id'
import type { RelatedRows } from './related-rows'
import { computedIds, withoutComputed } from './computed-values'
import { deriveInto, formulaContextOf, withDerived } from './derived-values'
import { followForecastOnCreate, followForecastOnUpdate } from './forecast-follow'
import { rulesChecker } from './rules'
import { formatSerial, lastSerial, serialFields } from './serial'
import { uniqueIssues } from './unique'
import { newRecordInput } from './new-record-input'

/** Who and when, for logs and system fields; what unique checks, serials and formulas read. */
export interface WriteContext {
  now: number
  memberId?: string
  /** The form's live records: unique fields are checked and serial counters raised against them. Updates default to `byId`. */
  existing?: readonly RecordRow[]
  /** Other forms and lookups for formulas (see ComputeContext); `now` is taken from above. */
  formula?: ComputeContext
  /** Other forms' live records: lookups and rollups read them (and MAPX, unless `formula.lookupRows` is given). Without it they keep their stored values. */
  related?: RelatedRows
}

function derivedContext(ctx: WriteContext) {
  const derived = { formula: { ...ctx.formula, now: ctx.now }, related: ctx.related }
  return { derived, formula: formulaContextOf(derived) }
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

export type WriteResult
  = | { ok: true, records: RecordRow[], tx: Transaction }
    | { ok: false, issues: { recordId: string, issues: WriteIssue[] }[] }

/** What a record created from outside (a stage-history log) brings besides its values. */
export interface RecordPreset {
  id: string
  /** Without it: the write's time. */
  createdAt?: number
  updatedAt?: number
  /** Its stage history, replacing the event a new record's starting stage would get. */
  events?: readonly StageEvent[]
  /**
   * Its values were validated whole already (an import plan checks every row): the schema is
   * not checked again unless defaults or forecast follow added or changed a value. Submit
   * rules and unique fields are checked as for any new record.
   */
  validated?: boolean
}

/** Whether `input` holds exactly the values of `values` (nothing added or changed since they were validated). */
function sameValues(input: Record<string, unknown>, values: Record<string, unknown>): boolean {
  let n = 0
  for (const key in input) {
    if (input[key] !== values[key]) return false
    n++
  }
  for (const key in values) if (values[key] !== undefined) n--
  return n === 0
}

/** A change to one record: the fields to set. */
export interface RecordPatch {
  recordId: string
  values: Record<string, unknown>
  /**
   * The rev the user saw when the edit began, when the record has changed since (another tab
   * saved while a cell editor was open): the put claims that base, so the commit reports the
   * version it overwrites as a conflict (src/core/storage/conflicts.ts) instead of silently.
   */
  baseRev?: number
}

function stageFields(form: FormDef): FieldDef[] {
  return form.fields.filter(f => f.type === 'stage')
}

/** The stage events of a write to one record, added to `events`. */
function stageEventsFor(form: FormDef, stages: readonly FieldDef[], recordId: string, before: Record<string, unknown>, after: Record<string, unknown>, at: number, events: StageEvent[] = []): StageEvent[] {
  for (const f of stages) {
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

/** The issues of the three checks, in order (a list of its own even when one check alone found some). */
function pickIssues(schema: WriteIssue[] | undefined, rules: WriteIssue[], unique: WriteIssue[] | undefined): WriteIssue[] {
  const out: WriteIssue[] = []
  if (schema) for (const i of schema) out.push(i)
  for (const i of rules) out.push(i)
  if (unique) for (const i of unique) out.push(i)
  return out
}

function queryEnv(ctx: WriteContext) {
  return { now: ctx.now, currentMemberId: ctx.memberId }
}

/**
 * Builds one atomic transaction for new records: defaults filled, validated (record schema,
 * submit rules, unique fields against `ctx.existing`), formulas computed, serial numbers
 * assigned (the form's counters are saved in the same transaction), logged, with a stage event
 * for every stage field that starts with a value.
 */
export function createRecords(form: FormDef, valuesList: Record<string, unknown>[], validate: ValuesValidator, ctx: WriteContext, presets?: readonly RecordPreset[]): WriteResult {
  const records: RecordRow[] = []
  const failures: { recordId: string, issues: WriteIssue[] }[] = []
  const events: StageEvent[] = []
  const changes: ChangeEntry[] = []
  const defaultCtx = { ...ctx.formula, now: ctx.now, memberId: ctx.memberId }
  const prepared = valuesList.map((values, i) => {
    const input = newRecordInput(form, values, defaultCtx)
    followForecastOnCreate(form, values, input)
    const preset = presets?.[i]
    const recheck = !preset?.validated || !sameValues(input, values)
    return { id: preset?.id ?? newId(), values: input, preset, recheck }
  })
  const dupes = uniqueIssues(form, prepared, ctx.existing ?? [])
  const serials = serialFields(form)
  const counters: Record<string, number> = { ...form.serialCounters }
  for (const f of serials) counters[f.id] = lastSerial(form, f, ctx.existing ?? [])
  const { derived, formula } = derivedContext(ctx)
  const rules = rulesChecker(form, queryEnv(ctx))
  const stages = stageFields(form)
  for (const { id, values: input, preset, recheck } of prepared) {
    const issues = pickIssues(recheck ? validate(input) : undefined, rules(input), dupes.get(id))
    if (issues.length) {
      failures.push({ recordId: id, issues })
      continue
    }
    // The input is this write's own copy: the derived values go into it.
    const values = deriveInto(form, input, derived, formula)
    for (const f of serials) {
      counters[f.id] = (counters[f.id] ?? 0) + 1
      values[f.id] = formatSerial(f.options.pattern, counters[f.id]!, ctx.now)
    }
    const rec: RecordRow = { id, values, createdAt: preset?.createdAt ?? ctx.now, updatedAt: preset?.updatedAt ?? ctx.now, rev: 1, createdBy: ctx.memberId, updatedBy: ctx.memberId }
    records.push(rec)
    if (preset?.events) events.push(...preset.events)
    else stageEventsFor(form, stages, id, {}, values, ctx.now, events)
    changes.push({ id: newId(), formId: form.id, recordId: id, at: ctx.now, memberId: ctx.memberId, kind: 'create' })
  }
  if (failures.length) return { ok: false, issues: failures }
  const tx: Transaction = { records: { [form.id]: { put: records } }, stageEvents: events, changes }
  // The counters change without a schema change: updatedAt stays, so validators stay cached.
  if (serials.length && records.length) tx.defs = { put: [{ kind: 'form', doc: { ...form, serialCounters: counters } }] }
  return { ok: true, records, tx }
}

/**
 * Applies patches to existing records as one transaction. Every patched record is validated
 * whole (schema, the submit rules whose fields changed, unique fields) and its formulas are
 * recomputed; values given for computed fields are ignored. Any invalid record refuses the
 * entire batch and nothing changes.
 */
export function updateRecords(form: FormDef, byId: ReadonlyMap<string, RecordRow>, patches: RecordPatch[], validate: ValuesValidator, ctx: WriteContext): WriteResult {
  const records: RecordRow[] = []
  const failures: { recordId: string, issues: WriteIssue[] }[] = []
  const events: StageEvent[] = []
  const changes: ChangeEntry[] = []
  const computed = computedIds(form)
  const prepared = patches.map((patch) => {
    const old = byId.get(patch.recordId)
    const changedInput = withoutComputed(patch.values, computed)
    const input = old ? { ...withoutComputed(old.values, computed), ...changedInput } : changedInput
    if (old) followForecastOnUpdate(form, old.values, changedInput, input)
    return { patch, old, input, changedKeys: new Set(Object.keys(changedInput)) }
  })
  const { derived, formula } = derivedContext(ctx)
  const stages = stageFields(form)
  const rules = rulesChecker(form, queryEnv(ctx))
  const dupes = uniqueIssues(form, prepared.filter(p => p.old).map(p => ({ id: p.patch.recordId, values: pickKeys(p.input, p.changedKeys) })), ctx.existing ?? byId.values())
  for (const { patch, old, input, changedKeys } of prepared) {
    if (!old) {
      failures.push({ recordId: patch.recordId, issues: [{ fieldId: '', code: 'missing', message: { 'zh-CN': '记录不存在或已被删除', 'en': 'The record no longer exists' } }] })
      continue
    }
    const issues = pickIssues(validate(input, withoutComputed(old.values, computed)), rules(input, changedKeys), dupes.get(old.id))
    if (issues.length) {
      failures.push({ recordId: old.id, issues })
      continue
    }
    const kept = Object.fromEntries(Object.entries(old.values).filter(([k]) => computed.has(k)))
    const values = withDerived(form, { ...kept, ...input }, derived, formula)
    const changed = diff(old.values, values)
    if (!changed.length) continue
    const base = patch.baseRev !== undefined && patch.baseRev < old.rev ? patch.baseRev : old.rev
    records.push({ ...old, values, updatedAt: ctx.now, updatedBy: ctx.memberId, rev: base + 1 })
    stageEventsFor(form, stages, old.id, old.values, values, ctx.now, events)
    changes.push({ id: newId(), formId: form.id, recordId: old.id, at: ctx.now, memberId: ctx.memberId, kind: 'update', changes: changed })
  }
  if (failures.length) return { ok: false, issues: failures }
  return { ok: true, records, tx: { records: { [form.id]: { put: records } }, stageEvents: events, changes } }
}

function pickKeys(values: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)))
}

/** Moves records to the recycle bin as one transaction. */
export function deleteRecords(form: FormDef, ids: string[], ctx: WriteContext): Transaction {
  return {
    records: { [form.id]: { delete: ids, toTrash: true } },
    changes: ids.map(recordId => ({ id: newId(), formId: form.id, recordId, at: ctx.now, memberId: ctx.memberId, kind: 'delete' as const })),
  }
}

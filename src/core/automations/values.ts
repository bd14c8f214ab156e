/**
 * The values an action writes: each mapped field's source (a formula over the triggering
 * record — the formula engine, never eval —, the triggering record, or a record an earlier
 * action created) turned into a stored value of the target field by the field type's own
 * text parser, as a paste would be.
 */
import type { LocalizedMessage } from '../fields/behaviour'
import type { CompiledFormula, ComputeContext } from '../formula'
import type { FieldDef, FormDef, Member, RecordRow } from '../schema/types'
import { behaviourOf } from '../fields/registry'
import { compileFormula, evaluateFormula, hasFormulaErrors, isError, toStoredValue } from '../formula'
import { labelText } from '../utils/label'
import type { FieldMapping } from './types'

/** What a mapped value is computed from. */
export interface ValueScope {
  form: FormDef
  row: RecordRow
  /** Ids of the records created by the run's earlier actions, by action index. */
  created: readonly (string | undefined)[]
  formula: ComputeContext
  members: readonly Member[]
}

type Result<T> = { ok: true, value: T } | { ok: false, error: LocalizedMessage }

const compiledCache = new WeakMap<FormDef, Map<string, CompiledFormula>>()

/** The formula compiled against the fields of `form`, cached per form definition. */
function compiledFor(form: FormDef, source: string, ctx: ComputeContext): CompiledFormula {
  let byText = compiledCache.get(form)
  if (!byText) compiledCache.set(form, byText = new Map())
  let c = byText.get(source)
  if (!c) byText.set(source, c = compileFormula(source, { fields: form.fields, forms: ctx.forms }))
  return c
}

function fail(zh: string, en: string): { ok: false, error: LocalizedMessage } {
  return { ok: false, error: { 'zh-CN': zh, 'en': en } }
}

/** The formula's value (stored form: numbers, text, 'YYYY-MM-DD', …) over the scope's record, or why it has none. */
export function evaluateIn(source: string, scope: Pick<ValueScope, 'form' | 'row' | 'formula'>): Result<unknown> {
  const compiled = compiledFor(scope.form, source, scope.formula)
  if (hasFormulaErrors(compiled.errors)) {
    const e = compiled.errors.find(x => x.severity === 'error')!
    return fail(`公式「${source}」有误：${e.messages['zh-CN']}`, `formula "${source}" is wrong: ${e.messages.en}`)
  }
  const result = evaluateFormula(compiled, scope.row.values, { ...scope.formula, fields: scope.form.fields })
  if (isError(result)) return fail(`公式「${source}」得出 ${result.code}`, `formula "${source}" gives ${result.code}`)
  return { ok: true, value: toStoredValue(result, scope.formula.timeZone) }
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.map(textOf).filter(Boolean).join(',')
  return String(v)
}

/** A computed value as a stored value of `field`: numbers and booleans kept where the field holds them, anything else parsed as text. */
function toFieldValue(v: unknown, field: FieldDef, members: readonly Member[]): Result<unknown> {
  const b = behaviourOf(field)
  if (typeof v === 'number' && b.queryKind(field) === 'number') return { ok: true, value: v }
  if (typeof v === 'boolean' && field.type === 'checkbox') return { ok: true, value: v }
  return b.parseText(textOf(v), field, { members })
}

/** The values of `target`'s fields an action sets, or the first reason one cannot be computed (naming the field). */
export function mappedValues(target: FormDef, mappings: readonly FieldMapping[], scope: ValueScope): Result<Record<string, unknown>> {
  const values: Record<string, unknown> = {}
  for (const m of mappings) {
    const field = target.fields.find(f => f.id === m.fieldId)
    if (!field) return fail(`字段 ${m.fieldId} 已删除`, `field ${m.fieldId} was deleted`)
    const s = m.source
    let raw: Result<unknown>
    if (s.kind === 'trigger') raw = { ok: true, value: scope.row.id }
    else if (s.kind === 'created') raw = { ok: true, value: scope.created[s.action] ?? null }
    else raw = evaluateIn(s.formula, scope)
    const value = raw.ok ? toFieldValue(raw.value, field, scope.members) : raw
    if (!value.ok) {
      const name = { zh: labelText(field.label, 'zh-CN'), en: labelText(field.label, 'en') }
      return fail(`「${name.zh}」：${value.error['zh-CN']}`, `"${name.en}": ${value.error.en}`)
    }
    values[field.id] = field.type === 'relation' && field.options.multiple && typeof value.value === 'string' ? [value.value] : value.value
  }
  return { ok: true, value: values }
}

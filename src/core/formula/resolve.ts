/**
 * Resolution of field references against a form. `{a}` is a field of the form; `{a.b}` is
 * column `b` of subform `a` when `a` is a subform of this form, otherwise field `b` of
 * another form `a` (MAPX and cross-form lists). Ids match first; labels when allowed.
 */
import type { FieldDef, Label } from '../schema/types'
import { behaviourOf } from '../fields/registry'
import type { FormulaErrorCode } from './errors'
import type { ExprType, FormRef } from './types'

/** What a reference points at. */
export type ResolvedRef
  = | { kind: 'field', fieldId: string, field: FieldDef }
    | { kind: 'column', subformId: string, columnId: string, column: FieldDef }
    | { kind: 'foreign', formId: string, fieldId: string, field?: FieldDef }

/** The outcome of resolving one reference. */
export type ResolveOutcome
  = | { ok: true, ref: ResolvedRef }
    | { ok: false, code: FormulaErrorCode, name: string }

/** Where references are looked up. */
export interface ResolveScope {
  fields: readonly FieldDef[]
  forms?: readonly FormRef[]
  /** Also match labels (display expressions). */
  labels: boolean
}

/** Every text a label can be matched by: the string, or each locale's text. */
export function labelTexts(label: Label | undefined): string[] {
  if (label === undefined) return []
  if (typeof label === 'string') return [label.trim()]
  return [label['zh-CN'], label.en].filter((t): t is string => typeof t === 'string').map(t => t.trim())
}

type Lookup<T> = { found: T } | { missing: true } | { ambiguous: true }

function lookup<T extends { id: string }>(items: readonly T[], key: string, labelOf: (t: T) => Label | undefined, labels: boolean): Lookup<T> {
  const byId = items.find(t => t.id === key)
  if (byId) return { found: byId }
  if (!labels) return { missing: true }
  const matches = items.filter(t => labelTexts(labelOf(t)).includes(key))
  if (matches.length > 1) return { ambiguous: true }
  return matches[0] ? { found: matches[0] } : { missing: true }
}

function fieldLookup(fields: readonly FieldDef[], key: string, labels: boolean): Lookup<FieldDef> {
  return lookup(fields, key, f => f.label, labels)
}

/** Resolves a reference path (see module doc). */
export function resolveRefPath(path: readonly string[], scope: ResolveScope): ResolveOutcome {
  const [head = '', tail] = path
  const whole = path.join('.')
  if (path.length > 2 || path.some(p => p === '')) return { ok: false, code: 'BAD_REF', name: whole }
  const local = fieldLookup(scope.fields, head, scope.labels)
  if ('ambiguous' in local) return { ok: false, code: 'AMBIGUOUS_LABEL', name: head }
  if (tail === undefined) {
    if ('found' in local) return { ok: true, ref: { kind: 'field', fieldId: local.found.id, field: local.found } }
    return { ok: false, code: scope.labels ? 'UNKNOWN_LABEL' : 'UNKNOWN_FIELD', name: head }
  }
  if ('found' in local) {
    const sub = local.found
    if (sub.type !== 'subform') return { ok: false, code: 'NOT_A_SUBFORM', name: head }
    const col = fieldLookup(sub.options.fields, tail, scope.labels)
    if ('ambiguous' in col) return { ok: false, code: 'AMBIGUOUS_LABEL', name: tail }
    if ('missing' in col) return { ok: false, code: scope.labels ? 'UNKNOWN_LABEL' : 'UNKNOWN_FIELD', name: whole }
    return { ok: true, ref: { kind: 'column', subformId: sub.id, columnId: col.found.id, column: col.found } }
  }
  if (!scope.forms) return { ok: true, ref: { kind: 'foreign', formId: head, fieldId: tail } }
  const form = lookup(scope.forms, head, f => f.name, scope.labels)
  if ('ambiguous' in form) return { ok: false, code: 'AMBIGUOUS_LABEL', name: head }
  if ('missing' in form) return { ok: false, code: 'UNKNOWN_FORM', name: head }
  const field = fieldLookup(form.found.fields, tail, scope.labels)
  if ('ambiguous' in field) return { ok: false, code: 'AMBIGUOUS_LABEL', name: tail }
  if ('missing' in field) return { ok: false, code: scope.labels ? 'UNKNOWN_LABEL' : 'UNKNOWN_FIELD', name: whole }
  return { ok: true, ref: { kind: 'foreign', formId: form.found.id, fieldId: field.found.id, field: field.found } }
}

/** The static type of a field's value in a formula: its behaviour's `exprType` (core/fields). */
export function fieldExprType(field: FieldDef): ExprType {
  return behaviourOf(field).exprType(field)
}

/**
 * The derived values of a record, recomputed on every write: lookups and rollups first (they
 * read linked records), then formulas (which may read lookups and rollups). Like formula
 * values they are stored with the record and never taken from input.
 */
import type { FormDef } from '../schema/types'
import type { ComputeContext } from '../formula/compute'
import type { FormulaGraph } from '../formula/graph'
import type { FormRef } from '../formula/types'
import type { RelatedRows } from './related-rows'
import { computeFormulasOfOwn } from '../formula/compute'
import { buildFormulaGraph } from '../formula/graph'
import { computeLinks, linkFields } from './lookups'
import { hasScores, withScores } from './score-values'

/** What computing derived values reads besides the record. */
export interface DerivedContext {
  /** Formula context (now, time zone, other forms). Its `lookupRows` defaults to `related`. */
  formula?: ComputeContext
  /** Other forms' live records. Without it lookups and rollups keep their stored values. */
  related?: RelatedRows
}

const graphs = new WeakMap<FormDef, { forms?: readonly FormRef[], graph: FormulaGraph }>()

/** The form's formula graph, compiled once per definition (definitions are replaced whole on change). */
export function formulaGraphOf(form: FormDef, forms?: readonly FormRef[]): FormulaGraph {
  const hit = graphs.get(form)
  if (hit && hit.forms === forms) return hit.graph
  const graph = buildFormulaGraph(form.fields, forms).graph
  graphs.set(form, { forms, graph })
  return graph
}

function hasFormulas(form: FormDef): boolean {
  return form.fields.some(f => f.type === 'formula' || (f.type === 'subform' && f.options.fields.some(c => c.type === 'formula')))
}

/** The formula context with `lookupRows` read from `related` when the caller gave none. */
export function formulaContextOf(ctx: DerivedContext): ComputeContext {
  const base: ComputeContext = ctx.formula ?? {}
  const related = ctx.related
  if (base.lookupRows || !related) return base
  return { ...base, lookupRows: formId => related.rows(formId) ?? [], foreignColumns: new Map() }
}

/** True when the form has fields whose values this module computes (lookup, rollup, formula, score). */
export function hasDerived(form: FormDef): boolean {
  return hasFormulas(form) || hasScores(form) || linkFields(form).length > 0
}

/** What deriving reads of a form, found once per definition (per field list). */
interface DerivedPlan {
  fields: FormDef['fields']
  formulas: boolean
  scores: boolean
  /** A formula refers to a score field (it is computed again after the scores). */
  readsScores: boolean
}

const plans = new WeakMap<FormDef, DerivedPlan>()

function planOf(form: FormDef): DerivedPlan {
  const hit = plans.get(form)
  if (hit && hit.fields === form.fields) return hit
  const refs = form.fields.filter(f => f.type === 'score').map(f => `{${f.id}}`)
  const plan: DerivedPlan = {
    fields: form.fields,
    formulas: hasFormulas(form),
    scores: hasScores(form),
    readsScores: form.fields.some(f => f.type === 'formula' && refs.some(r => f.options.expression.includes(r))),
  }
  plans.set(form, plan)
  return plan
}

function nowOf(formula: ComputeContext): number {
  const now = formula.now
  return typeof now === 'function' ? now() : now ?? Date.now()
}

/**
 * The values with every lookup, rollup, formula and score field recomputed (scores read the
 * formulas; a formula that reads a score is computed once more after it). `formula` is the context
 * as built by formulaContextOf (pass it to avoid rebuilding it per record).
 */
export function withDerived(form: FormDef, values: Readonly<Record<string, unknown>>, ctx: DerivedContext, formula: ComputeContext = formulaContextOf(ctx)): Record<string, unknown> {
  return deriveInto(form, { ...values }, ctx, formula)
}

/**
 * withDerived in place: `out` gets the derived values. It must be the caller's own plain object
 * of data properties (a copy it made), as withDerived's copy is.
 */
export function deriveInto(form: FormDef, out: Record<string, unknown>, ctx: DerivedContext, formula: ComputeContext = formulaContextOf(ctx)): Record<string, unknown> {
  const plan = planOf(form)
  if (ctx.related) Object.assign(out, computeLinks(form, out, ctx.related))
  if (plan.formulas) Object.assign(out, computeFormulasOfOwn(formulaGraphOf(form, formula.forms), out, formula))
  if (plan.scores) {
    withScores(form, out, nowOf(formula))
    if (plan.formulas && plan.readsScores) Object.assign(out, computeFormulasOfOwn(formulaGraphOf(form, formula.forms), out, formula))
  }
  return out
}

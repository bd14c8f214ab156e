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
import { computeFormulas } from '../formula/compute'
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

const readsScores = new WeakMap<FormDef, boolean>()

/** True when a formula of the form refers to a score field (it is computed again after the scores). */
function formulasReadScores(form: FormDef): boolean {
  let hit = readsScores.get(form)
  if (hit === undefined) {
    const refs = form.fields.filter(f => f.type === 'score').map(f => `{${f.id}}`)
    hit = form.fields.some(f => f.type === 'formula' && refs.some(r => f.options.expression.includes(r)))
    readsScores.set(form, hit)
  }
  return hit
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
  const out: Record<string, unknown> = { ...values }
  if (ctx.related) Object.assign(out, computeLinks(form, out, ctx.related))
  const formulas = hasFormulas(form)
  if (formulas) Object.assign(out, computeFormulas(formulaGraphOf(form, formula.forms), out, formula))
  if (hasScores(form)) {
    withScores(form, out, nowOf(formula))
    if (formulas && formulasReadScores(form)) Object.assign(out, computeFormulas(formulaGraphOf(form, formula.forms), out, formula))
  }
  return out
}

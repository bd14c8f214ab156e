/**
 * Recomputes a record's formula fields in dependency order and returns their stored values.
 * Subform columns that are formulas are computed per row first.
 */
import type { FieldDef } from '../schema/types'
import { toBoolean, toDate, toNumber, toText } from './coerce'
import { dateToStored } from './dates'
import type { EvaluateOptions } from './evaluate'
import { evaluateCompiled } from './evaluate'
import { rowValues } from './field-values'
import { roundTo } from './functions/numbers'
import type { FormulaGraph } from './graph'
import { affectedFormulas, buildFormulaGraph } from './graph'
import type { ExprType, FormulaContext } from './types'
import type { FormulaValue, Scalar } from './values'
import { errorValue, isDate, isError } from './values'

/** The context of computeFormulas: as for evaluation, the fields come from the form. */
export type ComputeContext = Omit<FormulaContext, 'fields'>

/** The stored form of a value: numbers, text, booleans, null, 'YYYY-MM-DD' / ISO strings, error codes. */
export function toStoredValue(v: FormulaValue, timeZone?: string): unknown {
  if (Array.isArray(v)) return v.map(item => toStoredValue(item, timeZone))
  if (v === null || typeof v !== 'object') return v
  if (isDate(v)) return dateToStored(v, timeZone)
  return v.code
}

function applyFieldOptions(v: FormulaValue, field: Extract<FieldDef, { type: 'formula' }>, timeZone?: string): FormulaValue {
  if (isError(v) || v === null || Array.isArray(v)) return v
  let out: Scalar = v
  switch (field.options.resultType) {
    case 'number': out = toNumber(v); break
    case 'text': out = toText(v); break
    case 'boolean': out = toBoolean(v); break
    case 'date': out = toDate(v, timeZone) ?? errorValue('#VALUE!'); break
    default: break
  }
  const precision = field.options.precision
  if (typeof out === 'number' && precision !== undefined) out = roundTo(out, precision, 'half')
  return out
}

const subformGraphs = new WeakMap<readonly FieldDef[], { forms?: ComputeContext['forms'], graph: FormulaGraph }>()

/** The graph of a subform's columns, built once per column list (and other forms). */
function subformGraphOf(field: Extract<FieldDef, { type: 'subform' }>, forms: ComputeContext['forms']): FormulaGraph {
  const hit = subformGraphs.get(field.options.fields)
  if (hit && hit.forms === forms) return hit.graph
  const graph = buildFormulaGraph(field.options.fields, forms).graph
  subformGraphs.set(field.options.fields, { forms, graph })
  return graph
}

function subformRows(field: Extract<FieldDef, { type: 'subform' }>, rows: unknown, ctx: ComputeContext): unknown[] | null {
  if (!Array.isArray(rows) || !field.options.fields.some(c => c.type === 'formula')) return null
  const graph = subformGraphOf(field, ctx.forms)
  return rows.map((row) => {
    const computed = computeFormulas(graph, rowValues(row), ctx)
    const isWrapped = typeof row === 'object' && row !== null && typeof (row as { values?: unknown }).values === 'object'
    return isWrapped ? { ...row as object, values: { ...rowValues(row), ...computed } } : { ...rowValues(row), ...computed }
  })
}

type SubformField = Extract<FieldDef, { type: 'subform' }>

/** What every evaluation over one graph shares: the formulas' result types, its subform fields. */
interface GraphRun {
  options: EvaluateOptions
  subforms: readonly SubformField[]
}

const runs = new WeakMap<FormulaGraph, GraphRun>()

function runOf(graph: FormulaGraph): GraphRun {
  let run = runs.get(graph)
  if (!run) {
    const formulaTypes = new Map<string, ExprType>([...graph.nodes].map(([id, n]) => [id, n.compiled.type]))
    run = { options: { formulaTypes }, subforms: graph.fields.filter((f): f is SubformField => f.type === 'subform') }
    runs.set(graph, run)
  }
  return run
}

/**
 * New values of the formula fields of a record. With `changed` (field ids, subform ids,
 * `formId.fieldId` or `formId` keys), only the formulas depending on them are recomputed
 * and returned; without it, all are. Formulas on a cycle give '#REF!'. Subform fields with
 * formula columns are returned too (their rows with the columns computed) when they are
 * recomputed. Pass a prebuilt graph to avoid recompiling for every record.
 */
export function computeFormulas(
  fieldsOrGraph: readonly FieldDef[] | FormulaGraph,
  values: Readonly<Record<string, unknown>>,
  ctx: ComputeContext,
  changed?: Iterable<string>,
): Record<string, unknown> {
  const graph = Array.isArray(fieldsOrGraph) ? buildFormulaGraph(fieldsOrGraph, ctx.forms).graph : fieldsOrGraph as FormulaGraph
  return formulaResults(graph, values, ctx, changed, false)
}

/**
 * computeFormulas over values the caller made itself as a plain object of data properties
 * (a spread or assigned copy), which it does not change while this runs: when a single
 * formula is computed (and no subform rows), it reads them without copying them first.
 */
export function computeFormulasOfOwn(graph: FormulaGraph, values: Readonly<Record<string, unknown>>, ctx: ComputeContext): Record<string, unknown> {
  return formulaResults(graph, values, ctx, undefined, true)
}

function formulaResults(graph: FormulaGraph, values: Readonly<Record<string, unknown>>, ctx: ComputeContext, changed: Iterable<string> | undefined, own: boolean): Record<string, unknown> {
  const run = runOf(graph)
  const changedKeys = changed ? [...changed] : undefined
  const out: Record<string, unknown> = {}
  // The values as the formulas read them: subform rows and each formula's typed result replace
  // the stored ones, in a copy.
  let working: Record<string, unknown> | undefined
  for (const field of run.subforms) {
    if (changedKeys && !changedKeys.includes(field.id)) continue
    const rows = subformRows(field, values[field.id], ctx)
    if (rows) {
      working ??= { ...values }
      out[field.id] = rows
      working[field.id] = rows
    }
  }
  const ids = changedKeys ? affectedFormulas(graph, changedKeys) : graph.order
  // One formula alone reads nothing computed here: the caller's own values read as their copy would.
  if (!working && !(own && ids.length <= 1)) working = { ...values }
  const read = working ?? values
  for (const id of ids) {
    const node = graph.nodes.get(id)
    if (!node) continue
    const raw = graph.cyclic.has(id) ? errorValue('#REF!') : evaluateCompiled(node.compiled, read, ctx, run.options)
    const v = applyFieldOptions(raw, node.field, ctx.timeZone)
    if (working) working[id] = v
    out[id] = toStoredValue(v, ctx.timeZone)
  }
  return out
}

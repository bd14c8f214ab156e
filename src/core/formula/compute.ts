/**
 * Recomputes a record's formula fields in dependency order and returns their stored values.
 * Subform columns that are formulas are computed per row first.
 */
import type { FieldDef } from '../schema/types'
import { toBoolean, toDate, toNumber, toText } from './coerce'
import { dateToStored } from './dates'
import { evaluateFormula } from './evaluate'
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

function subformRows(field: Extract<FieldDef, { type: 'subform' }>, rows: unknown, ctx: ComputeContext): unknown[] | null {
  if (!Array.isArray(rows) || !field.options.fields.some(c => c.type === 'formula')) return null
  const graph = buildFormulaGraph(field.options.fields, ctx.forms).graph
  return rows.map((row) => {
    const computed = computeFormulas(graph, rowValues(row), ctx)
    const isWrapped = typeof row === 'object' && row !== null && typeof (row as { values?: unknown }).values === 'object'
    return isWrapped ? { ...row as object, values: { ...rowValues(row), ...computed } } : { ...rowValues(row), ...computed }
  })
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
  const changedKeys = changed ? [...changed] : undefined
  const out: Record<string, unknown> = {}
  const working: Record<string, unknown> = { ...values }
  for (const field of graph.fields) {
    if (field.type !== 'subform' || (changedKeys && !changedKeys.includes(field.id))) continue
    const rows = subformRows(field, values[field.id], ctx)
    if (rows) { out[field.id] = rows; working[field.id] = rows }
  }
  const ids = changedKeys ? affectedFormulas(graph, changedKeys) : graph.order
  const formulaTypes = new Map<string, ExprType>([...graph.nodes].map(([id, n]) => [id, n.compiled.type]))
  const evalCtx: FormulaContext = { ...ctx, fields: graph.fields }
  for (const id of ids) {
    const node = graph.nodes.get(id)
    if (!node) continue
    const raw = graph.cyclic.has(id) ? errorValue('#REF!') : evaluateFormula(node.compiled, working, evalCtx, { formulaTypes })
    const v = applyFieldOptions(raw, node.field, ctx.timeZone)
    working[id] = v
    out[id] = toStoredValue(v, ctx.timeZone)
  }
  return out
}

/**
 * The dependency graph of a form's formula fields: a topological order, refusal of cycles
 * (naming the fields in the cycle), and the set of formulas a change must recompute.
 */
import type { FieldDef } from '../schema/types'
import type { CompiledFormula } from './checker'
import { compileFormula } from './checker'
import type { FormulaDependencies } from './dependencies'
import { formulaDependencies } from './dependencies'
import type { FormulaError } from './errors'
import { formulaError } from './errors'
import { labelTexts } from './resolve'
import type { FormRef } from './types'

/** One formula field in the graph. */
export interface FormulaGraphNode {
  fieldId: string
  field: Extract<FieldDef, { type: 'formula' }>
  compiled: CompiledFormula
  deps: FormulaDependencies
}

/** A form's formula fields in evaluation order. */
export interface FormulaGraph {
  fields: readonly FieldDef[]
  nodes: ReadonlyMap<string, FormulaGraphNode>
  /** Formula field ids, every formula after the formulas it reads. */
  order: readonly string[]
  /** Dependency key (field id, `formId.fieldId`) -> formula field ids reading it directly. */
  dependents: ReadonlyMap<string, readonly string[]>
  /** Formula fields on a cycle (empty when buildFormulaGraph succeeded). */
  cyclic: ReadonlySet<string>
}

/** A refused cycle: the fields on it, in reference order, the first repeated at the end. */
export interface FormulaCycleError extends FormulaError {
  code: 'CYCLE'
  fieldIds: string[]
}

/** The graph, or the cycle that prevents one (the partial graph is kept for display). */
export type FormulaGraphResult
  = | { ok: true, graph: FormulaGraph }
    | { ok: false, error: FormulaCycleError, graph: FormulaGraph }

function nameOf(fields: readonly FieldDef[], id: string): string {
  const f = fields.find(x => x.id === id)
  return (f && labelTexts(f.label)[0]) || id
}

/** Builds the graph of a form's formula fields. Cycles (including self-reference) are refused. */
export function buildFormulaGraph(fields: readonly FieldDef[], forms?: readonly FormRef[]): FormulaGraphResult {
  const nodes = new Map<string, FormulaGraphNode>()
  for (const field of fields) {
    if (field.type !== 'formula') continue
    const compiled = compileFormula(field.options.expression, { fields, forms })
    nodes.set(field.id, { fieldId: field.id, field, compiled, deps: formulaDependencies(compiled.ast, fields, forms) })
  }
  const dependents = new Map<string, string[]>()
  for (const node of nodes.values()) {
    for (const key of [...node.deps.fields, ...node.deps.foreign]) {
      const list = dependents.get(key) ?? []
      list.push(node.fieldId)
      dependents.set(key, list)
    }
  }
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const cyclic = new Set<string>()
  let firstCycle: string[] | null = null
  const visit = (id: string): void => {
    const s = state.get(id)
    if (s === 'done') return
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(id)), id]
      cycle.forEach(c => cyclic.add(c))
      firstCycle ??= cycle
      return
    }
    state.set(id, 'visiting')
    stack.push(id)
    for (const dep of (nodes.get(id) as FormulaGraphNode).deps.fields) if (nodes.has(dep)) visit(dep)
    stack.pop()
    state.set(id, 'done')
    order.push(id)
  }
  for (const id of nodes.keys()) visit(id)
  const graph: FormulaGraph = { fields, nodes, order, dependents, cyclic }
  if (!firstCycle) return { ok: true, graph }
  const ids: string[] = firstCycle
  const base = formulaError('CYCLE', 0, 0, { cycle: ids.map(id => nameOf(fields, id)).join(' → ') })
  return { ok: false, error: { ...base, code: 'CYCLE', fieldIds: ids }, graph }
}

/**
 * The formula fields to recompute after some fields changed, in evaluation order. A changed
 * key is a field id of the form (a subform id for any change in it), `formId.fieldId` for a
 * field of another form, or a bare `formId` for any change in that form. A changed formula
 * field (e.g. its expression was edited) recomputes itself too.
 */
export function affectedFormulas(graph: FormulaGraph, changed: Iterable<string>): string[] {
  const affected = new Set<string>()
  const queue: string[] = []
  const enqueue = (id: string): void => {
    if (!affected.has(id)) { affected.add(id); queue.push(id) }
  }
  const changedKeys = [...changed]
  for (const key of changedKeys) {
    if (graph.nodes.has(key)) enqueue(key)
    for (const [depKey, readers] of graph.dependents) {
      if (depKey === key || depKey.startsWith(`${key}.`)) readers.forEach(enqueue)
    }
  }
  while (queue.length > 0) {
    const id = queue.shift() as string
    for (const reader of graph.dependents.get(id) ?? []) enqueue(reader)
  }
  return graph.order.filter(id => affected.has(id))
}

/** What a formula depends on: fields of its form, and fields of other forms (MAPX, cross-form lists). */
import type { FieldDef } from '../schema/types'
import type { FormulaNode } from './ast'
import { walkFormula } from './ast'
import { resolveRefPath } from './resolve'
import type { FormRef } from './types'

/** A formula's dependencies. */
export interface FormulaDependencies {
  /** Ids of fields of the same form (a subform column counts as its subform), in first-use order. */
  fields: string[]
  /** Fields of other forms, as `formId.fieldId` keys; a change to those records must recompute the formula. */
  foreign: string[]
}

/**
 * The fields an AST refers to. Resolved against `fields` when given: `{a.b}` is a subform
 * column when `a` is a subform of the form, otherwise field `b` of form `a`. References to
 * unknown fields are still listed, so tracking errs on the side of recomputing.
 */
export function formulaDependencies(ast: FormulaNode | null, fields: readonly FieldDef[] = [], forms?: readonly FormRef[]): FormulaDependencies {
  const local = new Set<string>()
  const foreign = new Set<string>()
  if (!ast) return { fields: [], foreign: [] }
  walkFormula(ast, (node) => {
    if (node.type !== 'ref') return
    const outcome = resolveRefPath(node.path, { fields, forms, labels: false })
    if (outcome.ok) {
      const ref = outcome.ref
      if (ref.kind === 'field') local.add(ref.fieldId)
      else if (ref.kind === 'column') local.add(ref.subformId)
      else foreign.add(`${ref.formId}.${ref.fieldId}`)
    }
    else if (node.path.length === 1 || fields.some(f => f.id === node.path[0])) local.add(node.path[0] as string)
    else foreign.add(node.path.join('.'))
  })
  return { fields: [...local], foreign: [...foreign] }
}

/** Argument and operand checks used by the checker. */
import { assertNever } from '../utils/assert-never'
import type { FormulaNode, RefNode } from './ast'
import { parseNumberText } from './coerce'
import { parseDateText } from './dates'
import type { FormulaError } from './errors'
import { formulaError } from './errors'
import type { FormulaFunction, ParamKind } from './functions/spec'
import type { ResolvedRef } from './resolve'
import { labelTexts } from './resolve'
import type { ExprType } from './types'

type Refs = ReadonlyMap<RefNode, ResolvedRef>

function mismatch(node: FormulaNode, expected: string, actual: string): FormulaError {
  return formulaError('TYPE_MISMATCH', node.start, node.end, { expected, actual })
}

/** Checks an operand used as a number: lists, non-numeric text literals and dates are errors; text fields warn. */
export function checkNumeric(node: FormulaNode, t: ExprType, refs: Refs, errors: FormulaError[]): void {
  if (t === 'list') errors.push(formulaError('LIST_NOT_ALLOWED', node.start, node.end))
  else if (node.type === 'string' && node.value.trim() !== '' && parseNumberText(node.value) === null) errors.push(mismatch(node, 'number', 'text'))
  else if (t === 'date') errors.push(mismatch(node, 'number', 'date'))
  else if (t === 'text' && node.type === 'ref') {
    const ref = refs.get(node)
    if (ref?.kind === 'field') errors.push(formulaError('TEXT_AS_NUMBER', node.start, node.end, { name: labelTexts(ref.field.label)[0] ?? ref.fieldId }))
  }
}

/** Checks one argument of a call against the kind its position accepts. */
export function checkArgument(fn: FormulaFunction, index: number, kind: ParamKind, node: FormulaNode, t: ExprType, refs: Refs, errors: FormulaError[]): void {
  if (fn.choice && fn.choice.index === index && node.type === 'string') {
    const allowed = fn.choice.values
    if (!allowed.some(v => v.toLowerCase() === node.value.toLowerCase())) {
      errors.push(formulaError('BAD_OPTION', node.start, node.end, { name: fn.name, value: node.value, allowed: allowed.join(', ') }))
    }
  }
  switch (kind) {
    case 'number': checkNumeric(node, t, refs, errors); return
    case 'date':
      if (t === 'list') errors.push(formulaError('LIST_NOT_ALLOWED', node.start, node.end))
      else if (t === 'number' || t === 'boolean') errors.push(mismatch(node, 'date', t))
      else if (node.type === 'string' && node.value.trim() !== '' && parseDateText(node.value) === null) errors.push(mismatch(node, 'date', 'text'))
      return
    case 'boolean':
      if (t === 'list') errors.push(formulaError('LIST_NOT_ALLOWED', node.start, node.end))
      else if (node.type === 'string' && !/^\s*(true|false)?\s*$/i.test(node.value)) errors.push(mismatch(node, 'boolean', 'text'))
      return
    case 'scalar':
      if (t === 'list') errors.push(formulaError('LIST_NOT_ALLOWED', node.start, node.end))
      return
    case 'range':
      if (t !== 'list' && t !== 'any') errors.push(formulaError('RANGE_REQUIRED', node.start, node.end, { name: fn.name, index: index + 1 }))
      return
    case 'text': case 'any': case 'list': return
    default: assertNever(kind, 'parameter kind')
  }
}

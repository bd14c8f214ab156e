/**
 * Static checking: resolves references, looks up functions, checks arity and the types
 * that are knowable before evaluation, and infers the result type. Linear in the formula
 * size, so it can run on every keystroke.
 */
import type { FieldDef } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import type { BinaryNode, CallNode, FormulaNode, RefNode } from './ast'
import { COMPARISON_OPS } from './ast'
import { checkArgument, checkNumeric } from './check-args'
import type { FormulaError } from './errors'
import { formulaError } from './errors'
import { getFormulaFunction } from './functions/index'
import { paramKind } from './functions/spec'
import { parseFormula } from './parser'
import type { ResolvedRef } from './resolve'
import { fieldExprType, resolveRefPath } from './resolve'
import type { ExprType, FormulaCheckContext, FormulaType } from './types'

/** A parsed, checked formula, ready to evaluate. */
export interface CompiledFormula {
  source: string
  /** Null when the expression does not parse. */
  ast: FormulaNode | null
  /** Errors and warnings, ordered by position. */
  errors: FormulaError[]
  /** Inferred result type. */
  type: FormulaType
  /** What each reference node resolved to (unresolved ones are absent and evaluate to #REF!). */
  refs: ReadonlyMap<RefNode, ResolvedRef>
}

/** Options of checkFormula. */
export interface CheckOptions {
  /** Accept `{label}` as well as `{id}` (checking the text a user types in the editor). */
  labels?: boolean
}

class Checker {
  readonly errors: FormulaError[] = []
  readonly refs = new Map<RefNode, ResolvedRef>()

  constructor(private readonly ctx: FormulaCheckContext, private readonly labels: boolean, private readonly visiting: Set<string>) {}

  infer(node: FormulaNode): ExprType {
    switch (node.type) {
      case 'number': return 'number'
      case 'string': return 'text'
      case 'boolean': return 'boolean'
      case 'ref': return this.ref(node)
      case 'unary': {
        const t = this.infer(node.operand)
        if (node.op === '+') return t === 'list' ? this.listError(node.operand) : t
        checkNumeric(node.operand, t, this.refs, this.errors)
        return 'number'
      }
      case 'percent': checkNumeric(node.operand, this.infer(node.operand), this.refs, this.errors); return 'number'
      case 'binary': return this.binary(node)
      case 'call': return this.call(node)
      default: return assertNever(node, 'formula node')
    }
  }

  private listError(node: FormulaNode): ExprType {
    this.errors.push(formulaError('LIST_NOT_ALLOWED', node.start, node.end))
    return 'any'
  }

  private ref(node: RefNode): ExprType {
    const outcome = resolveRefPath(node.path, { fields: this.ctx.fields, forms: this.ctx.forms, labels: this.labels })
    if (!outcome.ok) {
      this.errors.push(formulaError(outcome.code, node.start, node.end, { name: outcome.name }))
      return 'any'
    }
    const ref = outcome.ref
    this.refs.set(node, ref)
    if (ref.kind !== 'field') return 'list'
    if (ref.fieldId === this.ctx.selfId) this.errors.push(formulaError('SELF_REFERENCE', node.start, node.end))
    return this.fieldType(ref.field)
  }

  /** A formula field without a declared result type is typed by checking its own expression. */
  private fieldType(field: FieldDef): ExprType {
    if (field.type !== 'formula' || field.options.resultType || this.visiting.has(field.id)) return fieldExprType(field)
    return inferFormulaFieldType(field.options.expression, this.ctx, new Set([...this.visiting, field.id]))
  }

  private binary(node: BinaryNode): ExprType {
    const lt = this.infer(node.left)
    const rt = this.infer(node.right)
    if (COMPARISON_OPS.has(node.op)) {
      if (lt === 'list') this.listError(node.left)
      if (rt === 'list') this.listError(node.right)
      return 'boolean'
    }
    if (node.op === '&') return 'text'
    const dateMath = node.op === '+' || node.op === '-'
    if (dateMath && (lt === 'date' || rt === 'date')) {
      const mismatch = (lt === 'date' && rt === 'date' && node.op === '+') || (node.op === '-' && rt === 'date' && lt !== 'date' && lt !== 'any')
      if (mismatch) {
        this.errors.push(formulaError('TYPE_MISMATCH', node.right.start, node.right.end, { expected: 'number', actual: 'date' }))
        return 'any'
      }
      if (lt === 'date' && rt === 'date') return 'number'
      checkNumeric(lt === 'date' ? node.right : node.left, lt === 'date' ? rt : lt, this.refs, this.errors)
      return rt === 'date' && lt === 'any' ? 'any' : 'date'
    }
    checkNumeric(node.left, lt, this.refs, this.errors)
    checkNumeric(node.right, rt, this.refs, this.errors)
    return 'number'
  }

  private call(node: CallNode): ExprType {
    const argTypes = node.args.map(a => this.infer(a))
    const fn = getFormulaFunction(node.name)
    if (!fn) {
      this.errors.push(formulaError('UNKNOWN_FUNCTION', node.start, node.start + node.name.length, { name: node.name }))
      return 'any'
    }
    const { min, max } = fn.signature
    const name = fn.name
    if (node.args.length < min) this.errors.push(formulaError('TOO_FEW_ARGS', node.start, node.end, { name, min, count: node.args.length }))
    if (node.args.length > max) {
      const extra = node.args[max] as FormulaNode
      this.errors.push(formulaError('TOO_MANY_ARGS', extra.start, node.end - 1, { name, max, count: node.args.length }))
    }
    node.args.forEach((arg, i) => checkArgument(fn, i, paramKind(fn.signature, i), arg, argTypes[i] as ExprType, this.refs, this.errors))
    this.checkSameForm(node)
    const returns = typeof fn.returns === 'function' ? fn.returns(argTypes) : fn.returns
    return returns
  }

  private checkSameForm(node: CallNode): void {
    if (node.name.toUpperCase() !== 'MAPX') return
    const [, , keys, values] = node.args
    const a = keys?.type === 'ref' ? this.refs.get(keys) : undefined
    const b = values?.type === 'ref' ? this.refs.get(values) : undefined
    const formOf = (r: ResolvedRef | undefined): string | undefined => r?.kind === 'foreign' ? r.formId : r?.kind === 'column' ? r.subformId : undefined
    if (formOf(a) !== undefined && formOf(b) !== undefined && formOf(a) !== formOf(b)) this.errors.push(formulaError('MIXED_FORMS', node.start, node.end, { name: 'MAPX' }))
  }
}

function resultType(t: ExprType): FormulaType {
  return t === 'list' ? 'any' : t
}

function inferFormulaFieldType(expression: string, ctx: FormulaCheckContext, visiting: Set<string>): ExprType {
  const { ast } = parseFormula(expression)
  return ast ? new Checker(ctx, false, visiting).infer(ast) : 'any'
}

/** Parses and checks an expression against a form. Never throws. */
export function checkFormula(expression: string, ctx: FormulaCheckContext, options: CheckOptions = {}): CompiledFormula {
  const parsed = parseFormula(expression)
  if (!parsed.ast) return { source: expression, ast: null, errors: parsed.errors, type: 'any', refs: new Map() }
  const checker = new Checker(ctx, options.labels ?? false, new Set(ctx.selfId ? [ctx.selfId] : []))
  const type = checker.infer(parsed.ast)
  const errors = [...checker.errors].sort((a, b) => a.start - b.start || a.end - b.end)
  return { source: expression, ast: parsed.ast, errors, type: resultType(type), refs: checker.refs }
}

/** Compiles a stored expression (references by id) for evaluation; same as checkFormula. */
export function compileFormula(expression: string, ctx: FormulaCheckContext): CompiledFormula {
  return checkFormula(expression, ctx)
}

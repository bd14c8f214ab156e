/**
 * Tree-walking evaluator. Errors are returned as values (`#DIV/0!`, `#REF!` ...), never thrown;
 * unknown functions give #NAME?, unresolved references #REF!, wrong arity #VALUE!.
 */
import type { FieldDef } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import type { FormulaNode, RefNode } from './ast'
import type { CompiledFormula } from './checker'
import { compileFormula } from './checker'
import { toText } from './coerce'
import { fieldValueToFormula, rowValues } from './field-values'
import { getFormulaFunction } from './functions/index'
import { applyBinary, applyPercent, applyUnary } from './operators'
import type { EvalEnv, ExprType, FormulaContext, LookupRow } from './types'
import type { FormulaValue, Scalar } from './values'
import { errorValue, isError } from './values'

/** Extra inputs of one evaluation. */
export interface EvaluateOptions {
  /** Known result types of formula fields, so their stored values are read back typed (dates). */
  formulaTypes?: ReadonlyMap<string, ExprType>
}

class Evaluation {
  // Made on the first reference to another form (most formulas read only their own record).
  private foreign: Map<string, FormulaValue> | undefined
  private foreignRows: Map<string, readonly LookupRow[] | null> | undefined
  private nowValue: number | undefined
  readonly env: EvalEnv

  constructor(
    private readonly compiled: CompiledFormula,
    private readonly values: Readonly<Record<string, unknown>>,
    private readonly ctx: EvaluationContext,
    private readonly options: EvaluateOptions,
  ) {
    // One "now" per evaluation, so TODAY() and NOW() agree within a formula.
    this.env = {
      timeZone: ctx.timeZone,
      now: () => (this.nowValue ??= typeof ctx.now === 'function' ? ctx.now() : ctx.now ?? Date.now()),
    }
  }

  run(node: FormulaNode): FormulaValue {
    switch (node.type) {
      case 'number': case 'string': case 'boolean': return node.value
      case 'ref': return this.ref(node)
      case 'unary': return applyUnary(node.op, this.run(node.operand))
      case 'percent': return applyPercent(this.run(node.operand))
      case 'binary': {
        const l = this.run(node.left)
        return applyBinary(node.op, l, this.run(node.right), this.env.timeZone)
      }
      case 'call': return this.call(node)
      default: return assertNever(node, 'formula node')
    }
  }

  private call(node: Extract<FormulaNode, { type: 'call' }>): FormulaValue {
    const fn = getFormulaFunction(node.name)
    if (!fn) return errorValue('#NAME?')
    const { min, max } = fn.signature
    if (node.args.length < min || node.args.length > max) return errorValue('#VALUE!')
    if (fn.kind === 'lazy') return fn.call(node.args.map(a => () => this.run(a)), this.env)
    const args = node.args.map(a => this.run(a))
    if (!fn.keepErrors) {
      const err = args.find(isError)
      if (err) return err
    }
    return fn.call(args, this.env)
  }

  private fieldValue(field: FieldDef | undefined, raw: unknown, id: string): FormulaValue {
    return fieldValueToFormula(field, raw, this.env.timeZone, this.options.formulaTypes?.get(id))
  }

  private ref(node: RefNode): FormulaValue {
    const ref = this.compiled.refs.get(node)
    if (!ref) return errorValue('#REF!')
    switch (ref.kind) {
      case 'field': return this.fieldValue(ref.field, this.values[ref.fieldId], ref.fieldId)
      case 'column': {
        const rows = this.values[ref.subformId]
        return Array.isArray(rows) ? this.column(rows, ref.column, ref.columnId) : []
      }
      case 'foreign': {
        const key = `${ref.formId}\u0000${ref.fieldId}`
        const foreign = (this.foreign ??= new Map())
        let list = foreign.get(key)
        if (list === undefined) {
          list = this.foreignColumn(ref.formId, ref.fieldId, ref.field)
          foreign.set(key, list)
        }
        return list
      }
      default: return assertNever(ref, 'reference')
    }
  }

  private column(rows: readonly unknown[], field: FieldDef | undefined, fieldId: string): Scalar[] {
    const out: Scalar[] = []
    for (const row of rows) {
      const v = this.fieldValue(field, rowValues(row)[fieldId], fieldId)
      // One item per row keeps columns aligned for SUMIF/MAPX: a multi-valued cell becomes its text.
      out.push(Array.isArray(v) ? cellOfList(v) : v)
    }
    return out
  }

  private foreignColumn(formId: string, fieldId: string, field: FieldDef | undefined): FormulaValue {
    const foreignRows = (this.foreignRows ??= new Map())
    if (!foreignRows.has(formId)) {
      let rows: readonly LookupRow[] | null
      try {
        rows = this.ctx.lookupRows?.(formId) ?? []
      }
      catch {
        // A failing data source must not break the record's other formulas.
        rows = null
      }
      foreignRows.set(formId, rows)
    }
    const rows = foreignRows.get(formId)
    if (!rows) return errorValue('#REF!')
    const shared = this.ctx.foreignColumns
    const key = `${formId}\u0000${fieldId}`
    const hit = shared?.get(key)
    if (hit && hit.rows === rows) return hit.column as FormulaValue
    const column = this.column(rows, field, fieldId)
    shared?.set(key, { rows, column })
    return column
  }
}

function cellOfList(v: Scalar[]): Scalar {
  if (v.length <= 1) return v[0] ?? null
  const t = toText(v)
  return t
}

/** What evaluating a compiled formula reads of its context (the fields served compiling it). */
export type EvaluationContext = Omit<FormulaContext, 'fields' | 'forms' | 'selfId'>

/**
 * Evaluates a compiled formula (or an expression, compiled on the fly) against a record's
 * values, keyed by field id. Returns a value; errors are error values.
 */
export function evaluateFormula(
  compiled: CompiledFormula | string,
  values: Readonly<Record<string, unknown>>,
  ctx: FormulaContext,
  options: EvaluateOptions = {},
): FormulaValue {
  const c = typeof compiled === 'string' ? compileFormula(compiled, ctx) : compiled
  return evaluateCompiled(c, values, ctx, options)
}

/** evaluateFormula of a formula compiled already: the context needs no fields. */
export function evaluateCompiled(c: CompiledFormula, values: Readonly<Record<string, unknown>>, ctx: EvaluationContext, options: EvaluateOptions = {}): FormulaValue {
  if (!c.ast) return errorValue('#NAME?')
  return new Evaluation(c, values, ctx, options).run(c.ast)
}

/** How a built-in function is described: its signature for the checker and its implementation. */
import type { EvalEnv, ExprType } from '../types'
import type { FormulaValue } from '../values'

/**
 * What an argument position accepts. `scalar`: any single value; `any`: a single value or a
 * list; `list`: values or lists to aggregate; `range`: must be a list (subform column, other
 * form's field, multi-select).
 */
export type ParamKind = 'number' | 'text' | 'date' | 'boolean' | 'scalar' | 'any' | 'list' | 'range'

/** Arity and argument kinds. Arguments past `params` cycle through `rest`. */
export interface FunctionSignature {
  min: number
  max: number
  params: readonly ParamKind[]
  rest?: readonly ParamKind[]
}

/** A fixed return type, or one computed from the argument types. */
export type ReturnRule = ExprType | ((args: readonly ExprType[]) => ExprType)

interface FunctionBase {
  name: string
  signature: FunctionSignature
  returns: ReturnRule
  /** A text argument restricted to a set of values (checked when it is a literal). */
  choice?: { index: number, values: readonly string[] }
}

/** Gets evaluated arguments; by default the first scalar error argument is returned without calling. */
export interface EagerFunction extends FunctionBase {
  kind: 'eager'
  /** Let error arguments through (ISERROR and friends). */
  keepErrors?: boolean
  call: (args: readonly FormulaValue[], env: EvalEnv) => FormulaValue
}

/** Gets thunks and evaluates only what it needs (IF, IFS, IFERROR, SWITCH, CHOOSE). */
export interface LazyFunction extends FunctionBase {
  kind: 'lazy'
  call: (args: ReadonlyArray<() => FormulaValue>, env: EvalEnv) => FormulaValue
}

/** A built-in function. */
export type FormulaFunction = EagerFunction | LazyFunction

/** The kind of the argument at an index. */
export function paramKind(sig: FunctionSignature, index: number): ParamKind {
  if (index < sig.params.length) return sig.params[index] as ParamKind
  if (sig.rest && sig.rest.length > 0) return sig.rest[(index - sig.params.length) % sig.rest.length] as ParamKind
  return 'any'
}

/** Shorthand for a signature: `sig(1, 2, ['number', 'number'])`. */
export function sig(min: number, max: number, params: readonly ParamKind[], rest?: readonly ParamKind[]): FunctionSignature {
  return { min, max, params, rest }
}

/** Shorthand for an eager function. */
export function eager(
  name: string,
  signature: FunctionSignature,
  returns: ReturnRule,
  call: EagerFunction['call'],
  extra: Partial<Pick<EagerFunction, 'keepErrors' | 'choice'>> = {},
): EagerFunction {
  return { kind: 'eager', name, signature, returns, call, ...extra }
}

/** Shorthand for a lazy function. */
export function lazy(name: string, signature: FunctionSignature, returns: ReturnRule, call: LazyFunction['call']): LazyFunction {
  return { kind: 'lazy', name, signature, returns, call }
}

/** The common type of several branches: that type when they all agree, else 'any'. */
export function unifyTypes(types: readonly ExprType[]): ExprType {
  const first = types[0]
  return first !== undefined && types.every(t => t === first) ? first : 'any'
}

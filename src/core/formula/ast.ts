/**
 * The formula AST: a discriminated union on `type`. Every node carries its source span
 * (`start` inclusive, `end` exclusive, UTF-16 offsets into the expression).
 */
import { assertNever } from '../utils/assert-never'

/** Binary operators, Excel spelling. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>='

/** A source span: UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number
  end: number
}

export interface NumberNode extends Span { type: 'number', value: number }
export interface StringNode extends Span { type: 'string', value: string }
export interface BooleanNode extends Span { type: 'boolean', value: boolean }
/**
 * A field reference as written: `{f_abc}` -> `['f_abc']`, `{sub.col}` -> `['sub', 'col']`.
 * Whether a two-part path is a subform column or another form's field is decided when the
 * reference is resolved against the form (see resolve.ts).
 */
export interface RefNode extends Span { type: 'ref', path: string[] }
export interface UnaryNode extends Span { type: 'unary', op: '-' | '+', operand: FormulaNode }
/** Postfix percent: `50%` is 0.5. */
export interface PercentNode extends Span { type: 'percent', operand: FormulaNode }
export interface BinaryNode extends Span { type: 'binary', op: BinaryOp, left: FormulaNode, right: FormulaNode }
/** A function call; `name` is kept as written (lookup is case-insensitive). */
export interface CallNode extends Span { type: 'call', name: string, args: FormulaNode[] }

/** Any formula AST node. */
export type FormulaNode
  = | NumberNode | StringNode | BooleanNode | RefNode
    | UnaryNode | PercentNode | BinaryNode | CallNode

/** Precedence of binary operators (higher binds tighter), Excel order. */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  '=': 1, '<>': 1, '<': 1, '<=': 1, '>': 1, '>=': 1,
  '&': 2,
  '+': 3, '-': 3,
  '*': 4, '/': 4,
  '^': 5,
}

/** Precedence of prefix minus/plus: tighter than `^`, so `-2^2` is 4 as in Excel. */
export const UNARY_PRECEDENCE = 6
/** Precedence of postfix `%`. */
export const PERCENT_PRECEDENCE = 7
/** Precedence of literals, references and calls. */
export const ATOM_PRECEDENCE = 8

/** Comparison operators. */
export const COMPARISON_OPS: ReadonlySet<BinaryOp> = new Set<BinaryOp>(['=', '<>', '<', '<=', '>', '>='])

/** The children of a node, left to right. */
export function childNodes(node: FormulaNode): FormulaNode[] {
  switch (node.type) {
    case 'number': case 'string': case 'boolean': case 'ref': return []
    case 'unary': case 'percent': return [node.operand]
    case 'binary': return [node.left, node.right]
    case 'call': return node.args
    default: return assertNever(node, 'formula node')
  }
}

/** Calls `visit` on every node, parents before children. */
export function walkFormula(node: FormulaNode, visit: (n: FormulaNode) => void): void {
  visit(node)
  for (const child of childNodes(node)) walkFormula(child, visit)
}

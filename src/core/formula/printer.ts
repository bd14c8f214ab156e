/**
 * Prints an AST back to a canonical expression: minimal parentheses, one space around
 * binary operators. `parseFormula(printFormula(ast))` gives `ast` again (spans aside).
 */
import type { FormulaNode } from './ast'
import { ATOM_PRECEDENCE, BINARY_PRECEDENCE, PERCENT_PRECEDENCE, UNARY_PRECEDENCE } from './ast'
import { formatRef } from './lexer'
import { assertNever } from '../utils/assert-never'

/** How tightly a node binds, for deciding parentheses. */
function precedence(node: FormulaNode): number {
  switch (node.type) {
    case 'binary': return BINARY_PRECEDENCE[node.op]
    case 'unary': return UNARY_PRECEDENCE
    case 'percent': return PERCENT_PRECEDENCE
    default: return ATOM_PRECEDENCE
  }
}

function wrap(node: FormulaNode, needsParens: boolean): string {
  const text = printFormula(node)
  return needsParens ? `(${text})` : text
}

/** Escapes a string literal body: backslash, quote, newline, tab, carriage return. */
export function quoteString(value: string): string {
  const body = value.replace(/[\\"\n\t\r]/g, c => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' }[c] as string))
  return `"${body}"`
}

/** The canonical expression text of an AST. */
export function printFormula(node: FormulaNode): string {
  switch (node.type) {
    case 'number': return String(node.value)
    case 'string': return quoteString(node.value)
    case 'boolean': return node.value ? 'TRUE' : 'FALSE'
    case 'ref': return formatRef(node.path)
    case 'unary': return node.op + wrap(node.operand, precedence(node.operand) < UNARY_PRECEDENCE)
    case 'percent': return `${wrap(node.operand, precedence(node.operand) < PERCENT_PRECEDENCE)}%`
    case 'binary': {
      const p = BINARY_PRECEDENCE[node.op]
      return `${wrap(node.left, precedence(node.left) < p)} ${node.op} ${wrap(node.right, precedence(node.right) <= p)}`
    }
    case 'call': return `${node.name}(${node.args.map(printFormula).join(', ')})`
    default: return assertNever(node, 'formula node')
  }
}

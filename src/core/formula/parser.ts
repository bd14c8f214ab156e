/**
 * Recursive-descent (precedence climbing) parser producing the formula AST.
 * Excel precedence, low to high: comparisons, `&`, `+ -`, `* /`, `^`, prefix `- +`, postfix `%`.
 * Binary operators are left-associative (`2^3^2` is 64, as in Excel). Never throws.
 */
import type { BinaryOp, FormulaNode } from './ast'
import { BINARY_PRECEDENCE, PERCENT_PRECEDENCE, UNARY_PRECEDENCE } from './ast'
import type { FormulaError } from './errors'
import { formulaError } from './errors'
import type { Token } from './lexer'
import { tokenize } from './lexer'

/** Longest expression accepted, in characters. */
export const MAX_FORMULA_LENGTH = 20_000
/**
 * Deepest nesting accepted: of parentheses, calls and prefix operators while parsing, and of
 * the AST built (a chain `1+1+…` of N terms is N levels deep), so the checker, evaluator and
 * printer, which recurse over the AST, stay far from the stack limit.
 */
export const MAX_FORMULA_DEPTH = 200

/** The AST (null when there are errors) and the diagnostics. */
export interface ParseResult {
  ast: FormulaNode | null
  errors: FormulaError[]
}

class ParseFailure {
  constructor(readonly error: FormulaError) {}
}

/** Parses an expression. A leading `=` (Excel habit) is accepted and ignored. */
export function parseFormula(input: string): ParseResult {
  if (input.length > MAX_FORMULA_LENGTH) {
    return { ast: null, errors: [formulaError('TOO_LONG', MAX_FORMULA_LENGTH, input.length, { max: MAX_FORMULA_LENGTH })] }
  }
  const { tokens, errors } = tokenize(input)
  if (errors.length > 0) return { ast: null, errors }
  const parser = new Parser(tokens)
  try {
    return { ast: parser.parseAll(), errors: [] }
  }
  catch (e) {
    if (e instanceof ParseFailure) return { ast: null, errors: [e.error] }
    throw e
  }
}

function tooDeep(t: Token): ParseFailure {
  return new ParseFailure(formulaError('TOO_DEEP', t.start, t.end, { max: MAX_FORMULA_DEPTH }))
}

function tokenText(t: Token): string {
  switch (t.type) {
    case 'number': return t.text
    case 'string': return `"${t.value}"`
    case 'ref': return `{${t.path.join('.')}}`
    case 'ident': return t.name
    case 'op': return t.op
    case 'lparen': return '('
    case 'rparen': return ')'
    case 'comma': return ','
    case 'eof': return ''
  }
}

class Parser {
  private pos = 0
  private depth = 0
  /** Height of each operator and call node built (leaves are 1). */
  private readonly heights = new WeakMap<FormulaNode, number>()

  constructor(private readonly tokens: Token[]) {}

  parseAll(): FormulaNode {
    const first = this.peek()
    if (first.type === 'op' && first.op === '=') this.pos++
    if (this.peek().type === 'eof') throw new ParseFailure(formulaError('EMPTY_FORMULA', 0, first.end))
    const ast = this.expression(1)
    const rest = this.peek()
    if (rest.type !== 'eof') throw this.unexpected(rest)
    return ast
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token
  }

  private next(): Token {
    const t = this.peek()
    if (t.type !== 'eof') this.pos++
    return t
  }

  private unexpected(t: Token): ParseFailure {
    if (t.type === 'eof') return new ParseFailure(formulaError('UNEXPECTED_END', t.start, t.end))
    return new ParseFailure(formulaError('UNEXPECTED_TOKEN', t.start, t.end, { token: tokenText(t) }))
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_FORMULA_DEPTH) throw tooDeep(t)
  }

  /** Records the height of a node made at token `t` over `children`; TOO_DEEP there when beyond the limit. */
  private built<N extends FormulaNode>(node: N, t: Token, children: readonly FormulaNode[]): N {
    let h = 1
    for (const c of children) h = Math.max(h, (this.heights.get(c) ?? 1) + 1)
    if (h > MAX_FORMULA_DEPTH) throw tooDeep(t)
    this.heights.set(node, h)
    return node
  }

  private expression(minPrec: number): FormulaNode {
    let left = this.prefix()
    for (;;) {
      const t = this.peek()
      if (t.type !== 'op') return left
      if (t.op === '%') {
        if (PERCENT_PRECEDENCE < minPrec) return left
        this.pos++
        left = this.built({ type: 'percent', operand: left, start: left.start, end: t.end }, t, [left])
        continue
      }
      const prec = BINARY_PRECEDENCE[t.op]
      if (prec < minPrec) return left
      this.pos++
      const right = this.expression(prec + 1)
      left = this.built({ type: 'binary', op: t.op as BinaryOp, left, right, start: left.start, end: right.end }, t, [left, right])
    }
  }

  private prefix(): FormulaNode {
    const t = this.next()
    switch (t.type) {
      case 'number': return { type: 'number', value: t.value, start: t.start, end: t.end }
      case 'string': return { type: 'string', value: t.value, start: t.start, end: t.end }
      case 'ref': return { type: 'ref', path: t.path, start: t.start, end: t.end }
      case 'op': {
        if (t.op !== '-' && t.op !== '+') throw this.unexpected(t)
        this.enter(t)
        const operand = this.expression(UNARY_PRECEDENCE)
        this.depth--
        return this.built({ type: 'unary', op: t.op, operand, start: t.start, end: operand.end }, t, [operand])
      }
      case 'lparen': {
        this.enter(t)
        const inner = this.expression(1)
        this.closeParen(t)
        this.depth--
        return inner
      }
      case 'ident': return this.identifier(t)
      case 'rparen': case 'comma': case 'eof': throw this.unexpected(t)
    }
  }

  private identifier(t: Extract<Token, { type: 'ident' }>): FormulaNode {
    if (this.peek().type === 'lparen') return this.call(t)
    const upper = t.name.toUpperCase()
    if (upper === 'TRUE' || upper === 'FALSE') return { type: 'boolean', value: upper === 'TRUE', start: t.start, end: t.end }
    throw new ParseFailure(formulaError('UNKNOWN_NAME', t.start, t.end, { name: t.name }))
  }

  private call(name: Extract<Token, { type: 'ident' }>): FormulaNode {
    const open = this.next()
    this.enter(open)
    const args: FormulaNode[] = []
    if (this.peek().type !== 'rparen') {
      for (;;) {
        args.push(this.expression(1))
        if (this.peek().type !== 'comma') break
        this.pos++
      }
    }
    const close = this.closeParen(open)
    this.depth--
    return this.built({ type: 'call', name: name.name, args, start: name.start, end: close.end }, name, args)
  }

  private closeParen(open: Token): Token {
    const t = this.peek()
    if (t.type === 'rparen') return this.next()
    if (t.type === 'eof') throw new ParseFailure(formulaError('MISSING_CLOSE_PAREN', open.start, t.end))
    throw this.unexpected(t)
  }
}

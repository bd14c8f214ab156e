/** Operator semantics: Excel arithmetic with date rules, `&` concatenation, comparisons. */
import type { BinaryOp } from './ast'
import { assertNever } from '../utils/assert-never'
import { toNumber, toText } from './coerce'
import { compareValues } from './compare'
import { addDays } from './functions/date'
import { power } from './functions/numbers'
import type { FormulaValue } from './values'
import { DAY_MS, errorValue, isDate, isError, numberResult, round15 } from './values'

function arithmetic(op: '+' | '-' | '*' | '/' | '^', l: FormulaValue, r: FormulaValue): FormulaValue {
  if (Array.isArray(l) || Array.isArray(r)) return errorValue('#VALUE!')
  if (op === '+' || op === '-') {
    if (isDate(l) && isDate(r)) {
      if (op === '+') return errorValue('#VALUE!')
      return round15(l.day - r.day + (l.ms - r.ms) / DAY_MS)
    }
    if (isDate(l)) {
      const n = toNumber(r)
      return isError(n) ? n : addDays(l, op === '+' ? n : -n)
    }
    if (isDate(r)) {
      if (op === '-') return errorValue('#VALUE!')
      const n = toNumber(l)
      return isError(n) ? n : addDays(r, n)
    }
  }
  const a = toNumber(l)
  if (isError(a)) return a
  const b = toNumber(r)
  if (isError(b)) return b
  switch (op) {
    case '+': return numberResult(round15(a + b))
    case '-': return numberResult(round15(a - b))
    case '*': return numberResult(round15(a * b))
    case '/': return b === 0 ? errorValue('#DIV/0!') : numberResult(round15(a / b))
    case '^': return power(a, b)
    default: return assertNever(op, 'operator')
  }
}

function compare(op: '=' | '<>' | '<' | '<=' | '>' | '>=', l: FormulaValue, r: FormulaValue, timeZone?: string): FormulaValue {
  const c = compareValues(l, r, timeZone)
  if (isError(c)) return c
  switch (op) {
    case '=': return c === 0
    case '<>': return c !== 0
    case '<': return c < 0
    case '<=': return c <= 0
    case '>': return c > 0
    case '>=': return c >= 0
    default: return assertNever(op, 'operator')
  }
}

/** Applies a binary operator; errors in operands propagate, left first. */
export function applyBinary(op: BinaryOp, l: FormulaValue, r: FormulaValue, timeZone?: string): FormulaValue {
  if (isError(l)) return l
  if (isError(r)) return r
  switch (op) {
    case '+': case '-': case '*': case '/': case '^': return arithmetic(op, l, r)
    case '&': {
      const a = toText(l)
      if (isError(a)) return a
      const b = toText(r)
      return isError(b) ? b : a + b
    }
    case '=': case '<>': case '<': case '<=': case '>': case '>=': return compare(op, l, r, timeZone)
    default: return assertNever(op, 'operator')
  }
}

/** Prefix minus (negation) or plus (returns the operand unchanged). */
export function applyUnary(op: '-' | '+', v: FormulaValue): FormulaValue {
  if (op === '+') return v
  const n = toNumber(v)
  return isError(n) ? n : n === 0 ? 0 : -n
}

/** Postfix percent. */
export function applyPercent(v: FormulaValue): FormulaValue {
  const n = toNumber(v)
  return isError(n) ? n : round15(n / 100)
}

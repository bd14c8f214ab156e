/**
 * Excel criteria for SUMIF/COUNTIF: 5, ">100", "<>已输单", "=", "张*", ">=2026-01-01".
 * Text matches ignore case and accept wildcards (* ? ~).
 */
import { assertNever } from '../../utils/assert-never'
import { parseNumberText } from '../coerce'
import { compareValues } from '../compare'
import { parseDateText } from '../dates'
import type { Scalar } from '../values'
import { isDate, isEmptyValue, isError, round15 } from '../values'
import { compileWildcard, wildcardMatches } from './wildcard'

/** A compiled criterion. */
export type CriterionTest = (v: Scalar) => boolean

type Op = '=' | '<>' | '<' | '<=' | '>' | '>='

function numberOf(v: Scalar): number | null {
  if (typeof v === 'number') return v
  if (typeof v === 'string') return parseNumberText(v)
  return null
}

function holds(op: Op, c: number): boolean {
  switch (op) {
    case '=': return c === 0
    case '<>': return c !== 0
    case '<': return c < 0
    case '<=': return c <= 0
    case '>': return c > 0
    case '>=': return c >= 0
    default: return assertNever(op, 'criteria operator')
  }
}

function equalsTest(operand: Scalar, timeZone?: string): CriterionTest {
  if (operand === null || operand === '') return v => isEmptyValue(v)
  if (typeof operand === 'number') return v => numberOf(v) !== null && round15(numberOf(v) as number) === round15(operand)
  if (typeof operand === 'boolean') return v => v === operand
  if (isDate(operand)) return v => isDate(v) && compareValues(v, operand) === 0
  if (isError(operand)) return v => isError(v) && v.code === operand.code
  const n = parseNumberText(operand)
  if (n !== null) return equalsTest(n, timeZone)
  const date = parseDateText(operand, timeZone)
  const glob = compileWildcard(operand)
  return v => (date !== null && isDate(v) && compareValues(v, date) === 0) || (typeof v === 'string' && wildcardMatches(glob, v))
}

function orderTest(op: Op, operand: string, timeZone?: string): CriterionTest {
  const n = parseNumberText(operand)
  if (n !== null) return v => typeof v === 'number' && holds(op, Math.sign(round15(v) - round15(n)))
  const date = parseDateText(operand, timeZone)
  if (date !== null) return v => isDate(v) && holds(op, compareValues(v, date) as number)
  return v => typeof v === 'string' && v !== '' && holds(op, compareValues(v, operand) as number)
}

/** Compiles a criterion value into a test. */
export function criterionTest(criterion: Scalar, timeZone?: string): CriterionTest {
  if (typeof criterion !== 'string') return equalsTest(criterion, timeZone)
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion) as RegExpExecArray
  const op = (m[1] ?? '=') as Op
  const operand = m[2] as string
  if (op === '=') return equalsTest(operand, timeZone)
  if (op === '<>') {
    const eq = equalsTest(operand, timeZone)
    return v => !eq(v)
  }
  return orderTest(op, operand, timeZone)
}

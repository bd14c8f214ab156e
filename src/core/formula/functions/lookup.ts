/**
 * Conditional aggregates over lists (subform columns, other forms' fields): SUMIF, COUNTIF,
 * AVERAGEIF, SUMIFS, COUNTIFS, and 简道云's MAPX cross-form lookup.
 */
import { valuesEqual } from '../compare'
import type { ErrorValue, FormulaValue, Scalar } from '../values'
import { errorValue, isError, round15 } from '../values'
import type { CriterionTest } from './criteria'
import { criterionTest } from './criteria'
import type { EvalEnv } from '../types'
import type { FormulaFunction } from './spec'
import { eager, sig } from './spec'

/** MAPX operations. */
export const MAPX_OPERATIONS = ['first', 'last', 'sum', 'count', 'avg', 'max', 'min'] as const

function asList(v: FormulaValue | undefined): Scalar[] {
  return Array.isArray(v) ? v : [v ?? null]
}

/** Indexes where every (range, criterion) pair holds; #VALUE! when ranges differ in length. */
function matchingRows(pairs: Array<[Scalar[], CriterionTest]>, length: number): number[] | ErrorValue {
  if (pairs.some(([range]) => range.length !== length)) return errorValue('#VALUE!')
  const out: number[] = []
  for (let i = 0; i < length; i++) {
    if (pairs.every(([range, test]) => test(range[i] ?? null))) out.push(i)
  }
  return out
}

function pick(values: Scalar[], rows: number[]): number[] | ErrorValue {
  const out: number[] = []
  for (const i of rows) {
    const v = values[i] ?? null
    if (isError(v)) return v
    if (typeof v === 'number') out.push(v)
  }
  return out
}

function total(xs: number[]): number {
  return round15(xs.reduce((a, b) => a + b, 0))
}

function criteriaPairs(args: readonly FormulaValue[], from: number, env: EvalEnv): Array<[Scalar[], CriterionTest]> | ErrorValue {
  const pairs: Array<[Scalar[], CriterionTest]> = []
  for (let i = from; i + 1 < args.length; i += 2) {
    const c = args[i + 1]
    if (Array.isArray(c)) return errorValue('#VALUE!')
    pairs.push([asList(args[i]), criterionTest(c ?? null, env.timeZone)])
  }
  return pairs
}

function ifAggregate(name: string, reduce: (xs: number[], rows: number[]) => FormulaValue): FormulaFunction {
  return eager(name, sig(2, 3, ['range', 'scalar', 'range']), 'number', ([range, criterion, target], env) => {
    if (Array.isArray(criterion)) return errorValue('#VALUE!')
    const keys = asList(range)
    const rows = matchingRows([[keys, criterionTest((criterion ?? null) as Scalar, env.timeZone)]], keys.length)
    if (isError(rows)) return rows
    const values = target === undefined ? keys : asList(target)
    if (values.length !== keys.length) return errorValue('#VALUE!')
    const xs = pick(values, rows)
    return isError(xs) ? xs : reduce(xs, rows)
  })
}

/** Lower-cased text keys per key column (columns are never mutated once read, and are shared by the records of one write). */
const lowerKeys = new WeakMap<Scalar[], (string | undefined)[]>()

function lowered(keys: Scalar[]): (string | undefined)[] {
  let out = lowerKeys.get(keys)
  if (!out) {
    out = keys.map(k => (typeof k === 'string' ? k.toLowerCase() : undefined))
    lowerKeys.set(keys, out)
  }
  return out
}

/** Rows whose key equals `search` as Excel's `=` says (text without case). */
function matchingKeys(search: Scalar, keys: Scalar[], env: EvalEnv): number[] {
  const rows: number[] = []
  if (typeof search === 'string' && search !== '') {
    // Text against text is a case-free comparison: compare lower-cased keys once per column.
    const want = search.toLowerCase()
    const lower = lowered(keys)
    for (let i = 0; i < keys.length; i++) {
      const k = lower[i]
      if (k !== undefined ? k === want : valuesEqual(keys[i] ?? null, search, env.timeZone) === true) rows.push(i)
    }
    return rows
  }
  for (let i = 0; i < keys.length; i++) {
    if (valuesEqual(keys[i] ?? null, search, env.timeZone) === true) rows.push(i)
  }
  return rows
}

function mapx(op: string, search: Scalar, keys: Scalar[], values: Scalar[], env: EvalEnv): FormulaValue {
  if (keys.length !== values.length) return errorValue('#VALUE!')
  const rows = matchingKeys(search, keys, env)
  const found = rows.map(i => values[i] ?? null)
  switch (op.toLowerCase()) {
    case 'first': return found[0] ?? null
    case 'last': return found[found.length - 1] ?? null
    case 'count': return rows.length
    default: {
      const xs = pick(values, rows)
      if (isError(xs)) return xs
      if (op.toLowerCase() === 'sum') return total(xs)
      if (xs.length === 0) return null
      if (op.toLowerCase() === 'avg') return round15(total(xs) / xs.length)
      if (op.toLowerCase() === 'max') return Math.max(...xs)
      if (op.toLowerCase() === 'min') return Math.min(...xs)
      return errorValue('#VALUE!')
    }
  }
}

/** Conditional and lookup functions. */
export const LOOKUP_FUNCTIONS: readonly FormulaFunction[] = [
  ifAggregate('SUMIF', xs => total(xs)),
  ifAggregate('AVERAGEIF', xs => xs.length === 0 ? errorValue('#DIV/0!') : round15(total(xs) / xs.length)),
  eager('COUNTIF', sig(2, 2, ['range', 'scalar']), 'number', ([range, criterion], env) => {
    if (Array.isArray(criterion)) return errorValue('#VALUE!')
    const keys = asList(range)
    const test = criterionTest((criterion ?? null) as Scalar, env.timeZone)
    return keys.filter(v => test(v)).length
  }),
  eager('SUMIFS', sig(3, 255, ['range'], ['range', 'scalar']), 'number', (args, env) => {
    const values = asList(args[0])
    const pairs = criteriaPairs(args, 1, env)
    if (isError(pairs)) return pairs
    const rows = matchingRows(pairs, values.length)
    if (isError(rows)) return rows
    const xs = pick(values, rows)
    return isError(xs) ? xs : total(xs)
  }),
  eager('COUNTIFS', sig(2, 254, [], ['range', 'scalar']), 'number', (args, env) => {
    const pairs = criteriaPairs(args, 0, env)
    if (isError(pairs)) return pairs
    const rows = matchingRows(pairs, pairs[0]?.[0].length ?? 0)
    return isError(rows) ? rows : rows.length
  }),
  eager('MAPX', sig(4, 4, ['text', 'scalar', 'range', 'range']), 'any', ([op, search, keys, values], env) => {
    if (typeof op !== 'string' || !(MAPX_OPERATIONS as readonly string[]).includes(op.toLowerCase())) return errorValue('#VALUE!')
    if (Array.isArray(search)) return errorValue('#VALUE!')
    return mapx(op, search ?? null, asList(keys), asList(values), env)
  }, { choice: { index: 0, values: MAPX_OPERATIONS } }),
]

/**
 * Aggregates: SUM, AVERAGE, MAX, MIN, COUNT, COUNTA, COUNTBLANK, PRODUCT, LARGE, SMALL,
 * MEDIAN, SUMPRODUCT. Inside lists only numbers (and dates) count, as with Excel ranges;
 * direct arguments are coerced, empties skipped.
 */
import { collectNumbers, toNumber } from '../coerce'
import type { ExprType } from '../types'
import type { ErrorValue, FormulaValue, Scalar } from '../values'
import { dateValue, errorValue, isDate, isEmptyValue, isError, round15 } from '../values'
import type { FormulaFunction } from './spec'
import { eager, sig } from './spec'

function aggregate(name: string, impl: (xs: number[]) => FormulaValue, returns: FormulaFunction['returns'] = 'number'): FormulaFunction {
  return eager(name, sig(1, 255, [], ['list']), returns, (args) => {
    const xs = collectNumbers(args)
    return isError(xs) ? xs : impl(xs)
  })
}

/** Like collectNumbers, also saying whether every value was a date (MAX of dates is a date). */
function numbersAndDates(args: readonly FormulaValue[]): { xs: number[], allDates: boolean } | ErrorValue {
  const xs = collectNumbers(args)
  if (isError(xs)) return xs
  const counted = args.flatMap(a => Array.isArray(a) ? a : [a]).filter(v => typeof v === 'number' || isDate(v))
  return { xs, allDates: counted.length === xs.length && xs.length > 0 && counted.every(isDate) }
}

function extreme(name: string, pick: (xs: number[]) => number): FormulaFunction {
  const returns = (args: readonly ExprType[]): ExprType => args.includes('date') ? 'date' : args.includes('list') ? 'any' : 'number'
  return eager(name, sig(1, 255, [], ['list']), returns, (args) => {
    const r = numbersAndDates(args)
    if (isError(r)) return r
    if (r.xs.length === 0) return 0
    const x = pick(r.xs)
    if (!r.allDates) return x
    const day = Math.floor(x)
    return dateValue(day, Math.round((x - day) * 86_400_000), x !== day)
  })
}

function kth(name: string, largest: boolean): FormulaFunction {
  return eager(name, sig(2, 2, ['list', 'number']), 'number', ([list, k]) => {
    const xs = collectNumbers([list ?? null])
    const n = toNumber(k ?? null)
    if (isError(xs)) return xs
    if (isError(n)) return n
    const index = Math.ceil(n)
    if (index < 1 || index > xs.length) return errorValue('#NUM!')
    const sorted = [...xs].sort((a, b) => largest ? b - a : a - b)
    return sorted[index - 1] as number
  })
}

function sum(xs: readonly number[]): number {
  let total = 0
  for (const x of xs) total += x
  return round15(total)
}

/** Aggregate functions. */
export const STATS_FUNCTIONS: readonly FormulaFunction[] = [
  aggregate('SUM', sum),
  aggregate('AVERAGE', xs => xs.length === 0 ? errorValue('#DIV/0!') : round15(sum(xs) / xs.length)),
  aggregate('PRODUCT', xs => xs.length === 0 ? 0 : round15(xs.reduce((a, b) => a * b, 1))),
  aggregate('MEDIAN', (xs) => {
    if (xs.length === 0) return errorValue('#NUM!')
    const s = [...xs].sort((a, b) => a - b)
    const mid = Math.floor(s.length / 2)
    return s.length % 2 ? s[mid] as number : round15(((s[mid - 1] as number) + (s[mid] as number)) / 2)
  }),
  extreme('MAX', xs => Math.max(...xs)),
  extreme('MIN', xs => Math.min(...xs)),
  kth('LARGE', true),
  kth('SMALL', false),
  eager('COUNT', sig(1, 255, [], ['list']), 'number', args => args.reduce<number>((n, a) => {
    if (Array.isArray(a)) return n + a.filter(v => typeof v === 'number' || isDate(v)).length
    return n + (typeof a === 'number' || isDate(a) || (typeof a === 'string' && a !== '' && !isError(toNumber(a))) ? 1 : 0)
  }, 0), { keepErrors: true }),
  eager('COUNTA', sig(1, 255, [], ['list']), 'number', args => args.reduce<number>((n, a) => {
    if (Array.isArray(a)) return n + a.filter(v => !isEmptyValue(v)).length
    return n + (isEmptyValue(a) ? 0 : 1)
  }, 0), { keepErrors: true }),
  eager('COUNTBLANK', sig(1, 255, [], ['list']), 'number', args => args.reduce<number>((n, a) => {
    if (Array.isArray(a)) return n + a.filter(v => isEmptyValue(v)).length
    return n + (isEmptyValue(a) ? 1 : 0)
  }, 0), { keepErrors: true }),
  eager('SUMPRODUCT', sig(1, 255, [], ['range']), 'number', (args) => {
    const lists = args.map(a => Array.isArray(a) ? a : [a])
    const length = (lists[0] as Scalar[]).length
    if (lists.some(l => l.length !== length)) return errorValue('#VALUE!')
    let total = 0
    for (let i = 0; i < length; i++) {
      let p = 1
      for (const l of lists) {
        const v = l[i] ?? null
        if (isError(v)) return v
        p *= typeof v === 'number' ? v : 0
      }
      total += p
    }
    return round15(total)
  }),
]

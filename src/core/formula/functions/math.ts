/** Math functions: ROUND family, INT, TRUNC, CEILING, FLOOR, ABS, MOD, POWER, SQRT, SIGN, EXP, LN, LOG, PI, FIXED. */
import type { FormulaValue } from '../values'
import { errorValue, isError, numberResult, round15 } from '../values'
import { formatNumberPattern } from './number-format'
import { numbers, power, roundTo } from './numbers'
import type { FormulaFunction, ParamKind } from './spec'
import { eager, sig } from './spec'

type NumericImpl = (xs: number[]) => FormulaValue

function numeric(name: string, params: ParamKind[], min: number, impl: NumericImpl, defaults: number[] = []): FormulaFunction {
  return eager(name, sig(min, params.length, params), 'number', (args) => {
    const xs = numbers(args, defaults)
    return isError(xs) ? xs : impl(xs)
  })
}

function unary(name: string, f: (x: number) => number): FormulaFunction {
  return numeric(name, ['number'], 1, ([x]) => numberResult(f(x as number)))
}

function toMultiple(x: number, significance: number, up: boolean): FormulaValue {
  if (significance === 0 || x === 0) return 0
  if (x > 0 && significance < 0) return errorValue('#NUM!')
  const q = round15(x / significance)
  return round15((up ? Math.ceil(q) : Math.floor(q)) * significance)
}

/** Math functions. */
export const MATH_FUNCTIONS: readonly FormulaFunction[] = [
  numeric('ROUND', ['number', 'number'], 1, ([x, d]) => roundTo(x as number, d as number, 'half'), [0, 0]),
  numeric('ROUNDUP', ['number', 'number'], 1, ([x, d]) => roundTo(x as number, d as number, 'up'), [0, 0]),
  numeric('ROUNDDOWN', ['number', 'number'], 1, ([x, d]) => roundTo(x as number, d as number, 'down'), [0, 0]),
  numeric('TRUNC', ['number', 'number'], 1, ([x, d]) => roundTo(x as number, d as number, 'down'), [0, 0]),
  unary('INT', x => Math.floor(round15(x))),
  numeric('CEILING', ['number', 'number'], 1, ([x, s]) => toMultiple(x as number, s as number, true), [0, 1]),
  numeric('FLOOR', ['number', 'number'], 1, ([x, s]) => toMultiple(x as number, s as number, false), [0, 1]),
  unary('ABS', Math.abs),
  unary('SIGN', Math.sign),
  unary('EXP', Math.exp),
  numeric('SQRT', ['number'], 1, ([x]) => (x as number) < 0 ? errorValue('#NUM!') : Math.sqrt(x as number)),
  numeric('LN', ['number'], 1, ([x]) => (x as number) <= 0 ? errorValue('#NUM!') : Math.log(x as number)),
  numeric('LOG10', ['number'], 1, ([x]) => (x as number) <= 0 ? errorValue('#NUM!') : round15(Math.log10(x as number))),
  numeric('LOG', ['number', 'number'], 1, ([x, b]) => {
    if ((x as number) <= 0 || (b as number) <= 0) return errorValue('#NUM!')
    if (b === 1) return errorValue('#DIV/0!')
    return round15(Math.log(x as number) / Math.log(b as number))
  }, [0, 10]),
  numeric('MOD', ['number', 'number'], 2, ([n, d]) => {
    if (d === 0) return errorValue('#DIV/0!')
    return round15((n as number) - (d as number) * Math.floor(round15((n as number) / (d as number))))
  }),
  numeric('POWER', ['number', 'number'], 2, ([x, y]) => power(x as number, y as number)),
  eager('PI', sig(0, 0, []), 'number', () => Math.PI),
  eager('FIXED', sig(1, 3, ['number', 'number', 'boolean']), 'text', (args) => {
    const xs = numbers(args.slice(0, 2), [0, 2])
    if (isError(xs)) return xs
    const decimals = Math.trunc(xs[1] as number)
    const noCommas = args[2] === true || args[2] === 1
    const rounded = roundTo(xs[0] as number, decimals, 'half')
    const pattern = `${noCommas ? '0' : '#,##0'}${decimals > 0 ? `.${'0'.repeat(Math.min(decimals, 20))}` : ''}`
    return formatNumberPattern(rounded, pattern)
  }),
]

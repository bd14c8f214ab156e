/** Logical functions: IF, IFS, AND, OR, NOT, XOR, IFERROR, SWITCH, CHOOSE, TRUE, FALSE. */
import { valuesEqual } from '../compare'
import { toBoolean, toNumber } from '../coerce'
import type { ErrorValue, FormulaValue } from '../values'
import { errorValue, isError } from '../values'
import type { FormulaFunction } from './spec'
import { eager, lazy, sig, unifyTypes } from './spec'

/** The logical values of arguments: lists contribute their logical and numeric items, empties are FALSE. */
function logicals(args: readonly FormulaValue[]): boolean[] | ErrorValue {
  const out: boolean[] = []
  for (const arg of args) {
    const items = Array.isArray(arg) ? arg.filter(v => typeof v === 'boolean' || typeof v === 'number' || isError(v)) : [arg]
    for (const item of items) {
      const b = toBoolean(item)
      if (isError(b)) return b
      out.push(b)
    }
  }
  return out
}

function logicalFold(name: string, fold: (bs: boolean[]) => boolean): FormulaFunction {
  return eager(name, sig(1, 255, [], ['list']), 'boolean', (args) => {
    const bs = logicals(args)
    if (isError(bs)) return bs
    // Excel: no logical value at all (e.g. only an empty list) is #VALUE!.
    return bs.length === 0 ? errorValue('#VALUE!') : fold(bs)
  })
}

/** Logical functions. */
export const LOGICAL_FUNCTIONS: readonly FormulaFunction[] = [
  lazy('IF', sig(2, 3, ['boolean', 'any', 'any']), args => unifyTypes([args[1] ?? 'any', args[2] ?? 'boolean']), ([cond, then, otherwise]) => {
    const c = toBoolean((cond as () => FormulaValue)())
    if (isError(c)) return c
    if (c) return (then as () => FormulaValue)()
    return otherwise ? otherwise() : false
  }),
  lazy('IFS', sig(2, 254, [], ['boolean', 'any']), args => unifyTypes(args.filter((_, i) => i % 2 === 1)), (args) => {
    for (let i = 0; i + 1 < args.length; i += 2) {
      const c = toBoolean((args[i] as () => FormulaValue)())
      if (isError(c)) return c
      if (c) return (args[i + 1] as () => FormulaValue)()
    }
    return errorValue('#N/A')
  }),
  logicalFold('AND', bs => bs.every(Boolean)),
  logicalFold('OR', bs => bs.some(Boolean)),
  logicalFold('XOR', bs => bs.filter(Boolean).length % 2 === 1),
  eager('NOT', sig(1, 1, ['boolean']), 'boolean', ([v]) => {
    const b = toBoolean(v ?? null)
    return isError(b) ? b : !b
  }),
  eager('TRUE', sig(0, 0, []), 'boolean', () => true),
  eager('FALSE', sig(0, 0, []), 'boolean', () => false),
  lazy('IFERROR', sig(2, 2, ['any', 'any']), args => unifyTypes(args), ([value, fallback]) => {
    const v = (value as () => FormulaValue)()
    return isError(v) ? (fallback as () => FormulaValue)() : v
  }),
  lazy('SWITCH', sig(3, 254, ['scalar'], ['scalar', 'any']), args => unifyTypes(args.filter((_, i) => i > 0 && (i % 2 === 0 || i === args.length - 1))), (args, env) => {
    const subject = (args[0] as () => FormulaValue)()
    if (isError(subject)) return subject
    let i = 1
    for (; i + 1 < args.length; i += 2) {
      const eq = valuesEqual(subject, (args[i] as () => FormulaValue)(), env.timeZone)
      if (isError(eq)) return eq
      if (eq) return (args[i + 1] as () => FormulaValue)()
    }
    return i < args.length ? (args[i] as () => FormulaValue)() : errorValue('#N/A')
  }),
  lazy('CHOOSE', sig(2, 255, ['number'], ['any']), args => unifyTypes(args.slice(1)), (args) => {
    const n = toNumber((args[0] as () => FormulaValue)())
    if (isError(n)) return n
    const index = Math.trunc(n)
    if (index < 1 || index >= args.length) return errorValue('#VALUE!')
    return (args[index] as () => FormulaValue)()
  }),
]

/** Date functions: TODAY, NOW, DATE, DATEVALUE, YEAR..SECOND, DAYS, DATEDELTA/ADDDAYS, EDATE, EOMONTH. */
import { addMonths, civilFromDays, dayFromParts, daysInMonth, daysFromCivil } from '../calendar'
import { checkedDate, dateFromEpoch, timeParts } from '../dates'
import { epochFromWall } from '../timezone'
import type { EvalEnv } from '../types'
import type { DateValue, FormulaValue } from '../values'
import { DAY_MS, dateValue, isError } from '../values'
import { dateArg, intArg } from './date-args'
import { numbers } from './numbers'
import type { FormulaFunction } from './spec'
import { eager, sig } from './spec'

function part(name: string, pick: (d: DateValue) => number): FormulaFunction {
  return eager(name, sig(1, 1, ['date']), 'number', ([v], env) => {
    const d = dateArg(v, env)
    return d === null || isError(d) ? d : pick(d)
  })
}

/** Adds a (possibly fractional) number of days; whole days are calendar days, DST never shifts the clock. */
export function addDays(d: DateValue, days: number): FormulaValue {
  if (Number.isInteger(days)) return checkedDate(d.day + days, d.ms, d.time)
  return checkedDate(d.day, d.ms + Math.round(days * DAY_MS), true)
}

function addDaysFunction(name: string): FormulaFunction {
  return eager(name, sig(2, 2, ['date', 'number']), 'date', ([v, n], env) => {
    const d = dateArg(v, env)
    if (d === null || isError(d)) return d
    const xs = numbers([n ?? null])
    return isError(xs) ? xs : addDays(d, xs[0] as number)
  })
}

function today(env: EvalEnv): DateValue {
  return dateValue(dateFromEpoch(env.now(), env.timeZone).day)
}

/** Date functions (calendar arithmetic; see also date-diff.ts). */
export const DATE_FUNCTIONS: readonly FormulaFunction[] = [
  eager('TODAY', sig(0, 0, []), 'date', (_, env) => today(env)),
  eager('NOW', sig(0, 0, []), 'date', (_, env) => dateFromEpoch(env.now(), env.timeZone)),
  eager('DATE', sig(3, 6, ['number', 'number', 'number', 'number', 'number', 'number']), 'date', (args) => {
    const xs = numbers(args)
    if (isError(xs)) return xs
    const [y0, m, d, h = 0, mi = 0, s = 0] = xs.map(Math.trunc) as number[]
    const y = (y0 as number) >= 0 && (y0 as number) < 1900 ? (y0 as number) + 1900 : y0 as number
    const day = dayFromParts(y, m as number, d as number)
    if (args.length <= 3) return checkedDate(day)
    return checkedDate(day, ((h * 60 + mi) * 60 + s) * 1000, true)
  }),
  eager('DATEVALUE', sig(1, 1, ['date']), 'date', ([v], env) => {
    const d = dateArg(v, env)
    return d === null || isError(d) ? d : dateValue(d.day)
  }),
  part('YEAR', d => civilFromDays(d.day).y),
  part('MONTH', d => civilFromDays(d.day).m),
  part('DAY', d => civilFromDays(d.day).d),
  part('HOUR', d => timeParts(d).h),
  part('MINUTE', d => timeParts(d).mi),
  part('SECOND', d => timeParts(d).s),
  part('QUARTER', d => Math.ceil(civilFromDays(d.day).m / 3)),
  eager('DAYS', sig(2, 2, ['date', 'date']), 'number', ([end, start], env) => {
    const e = dateArg(end, env)
    const s = dateArg(start, env)
    if (isError(e)) return e
    if (isError(s)) return s
    if (e === null || s === null) return null
    return e.day - s.day
  }),
  addDaysFunction('DATEDELTA'),
  addDaysFunction('ADDDAYS'),
  eager('EDATE', sig(2, 2, ['date', 'number']), 'date', ([v, n], env) => {
    const d = dateArg(v, env)
    const months = intArg(n, 0)
    if (d === null || isError(d)) return d
    if (isError(months)) return months
    return checkedDate(addMonths(d.day, months))
  }),
  eager('EOMONTH', sig(2, 2, ['date', 'number']), 'date', ([v, n], env) => {
    const d = dateArg(v, env)
    const months = intArg(n, 0)
    if (d === null || isError(d)) return d
    if (isError(months)) return months
    const start = civilFromDays(d.day)
    const { y, m } = civilFromDays(addMonths(daysFromCivil(start.y, start.m, 1), months))
    return checkedDate(daysFromCivil(y, m, daysInMonth(y, m)))
  }),
  eager('DAYSINMONTH', sig(1, 1, ['date']), 'number', ([v], env) => {
    const d = dateArg(v, env)
    if (d === null || isError(d)) return d
    const { y, m } = civilFromDays(d.day)
    return daysInMonth(y, m)
  }),
  eager('TIMESTAMP', sig(1, 1, ['date']), 'number', ([v], env) => {
    const d = dateArg(v, env)
    return d === null || isError(d) ? d : epochFromWall(d.day, d.ms, env.timeZone)
  }),
]

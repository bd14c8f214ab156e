/** Argument helpers for date functions. */
import { toDate, toNumber } from '../coerce'
import type { EvalEnv } from '../types'
import type { DateValue, ErrorValue, FormulaValue } from '../values'
import { isError } from '../values'

/** A date argument: the date, an error, or null when empty. */
export function dateArg(v: FormulaValue | undefined, env: EvalEnv): DateValue | ErrorValue | null {
  return toDate(v ?? null, env.timeZone)
}

/** A whole-number argument (truncated), or an error. */
export function intArg(v: FormulaValue | undefined, fallback: number): number | ErrorValue {
  if (v === undefined) return fallback
  const n = toNumber(v)
  return isError(n) ? n : Math.trunc(n)
}

/** The dates of a holidays argument (list or single value); empties skipped. */
export function dateList(v: FormulaValue | undefined, env: EvalEnv): number[] | ErrorValue {
  if (v === undefined) return []
  const out: number[] = []
  for (const item of Array.isArray(v) ? v : [v]) {
    const d = toDate(item, env.timeZone)
    if (d === null) continue
    if (isError(d)) return d
    out.push(d.day)
  }
  return out
}

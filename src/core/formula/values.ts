/**
 * Runtime values of the evaluator. Errors are values (`#DIV/0!` ...), never exceptions.
 * Dates are calendar days plus wall-clock milliseconds, so day arithmetic never sees DST.
 */

/** Excel error codes. */
export type ErrorCode = '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A'

/** All error codes, for recognising stored error results. */
export const ERROR_CODES: readonly ErrorCode[] = ['#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']

/** An error result, e.g. `#DIV/0!`; propagates through operators and most functions. */
export interface ErrorValue {
  type: 'error'
  code: ErrorCode
}

/**
 * A date or date-time. `day` counts calendar days from 1970-01-01 (proleptic Gregorian);
 * `ms` is the wall-clock time of day (0..86 399 999); `time` says whether it is a date-time.
 */
export interface DateValue {
  type: 'date'
  day: number
  ms: number
  time: boolean
}

/** A single value; `null` is empty. */
export type Scalar = number | string | boolean | DateValue | ErrorValue | null

/** A list: the values of a subform column, a multi-select, or another form's field. */
export type ListValue = Scalar[]

/** Any runtime value. */
export type FormulaValue = Scalar | ListValue

/** Milliseconds in a calendar day. */
export const DAY_MS = 86_400_000

const ERRORS: Record<ErrorCode, ErrorValue> = Object.fromEntries(
  ERROR_CODES.map(code => [code, Object.freeze({ type: 'error', code })]),
) as unknown as Record<ErrorCode, ErrorValue>

/** The (shared, frozen) error value of a code. */
export function errorValue(code: ErrorCode): ErrorValue {
  return ERRORS[code]
}

/** True for error values. */
export function isError(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { type?: unknown }).type === 'error'
}

/** True for date values. */
export function isDate(v: unknown): v is DateValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { type?: unknown }).type === 'date'
}

/** True for lists. */
export function isList(v: FormulaValue | undefined): v is ListValue {
  return Array.isArray(v)
}

/** Empty: null, '' or an empty list. */
export function isEmptyValue(v: FormulaValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
}

/** A date value; `ms` outside a day rolls into neighbouring days. */
export function dateValue(day: number, ms = 0, time = false): DateValue {
  const extra = Math.floor(ms / DAY_MS)
  return { type: 'date', day: day + extra, ms: ms - extra * DAY_MS, time }
}

/** The first error among values (lists are searched too), or undefined. */
export function firstError(values: readonly FormulaValue[]): ErrorValue | undefined {
  for (const v of values) {
    if (isError(v)) return v
    if (Array.isArray(v)) {
      const inner = v.find(isError)
      if (inner) return inner as ErrorValue
    }
  }
  return undefined
}

/** A number result, or `#NUM!` when it is NaN or infinite. */
export function numberResult(n: number): number | ErrorValue {
  return Number.isFinite(n) ? n : errorValue('#NUM!')
}

/** Rounds to 15 significant digits, as Excel does, so 0.1 + 0.2 = 0.3. */
export function round15(n: number): number {
  // An integer of at most 15 digits prints exactly in 15 digits: it is its own rounding (most
  // record arithmetic, e.g. an amount times a whole percentage, stays integral).
  if (Number.isInteger(n) && n < 1e15 && n > -1e15) return n
  if (!Number.isFinite(n)) return n
  return Number.parseFloat(n.toPrecision(15))
}

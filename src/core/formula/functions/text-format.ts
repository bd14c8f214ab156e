/** The TEXT function: numbers with number patterns, dates with date patterns, text as is. */
import { parseNumberText, toText } from '../coerce'
import { parseDateText } from '../dates'
import type { EvalEnv } from '../types'
import type { FormulaValue } from '../values'
import { errorValue, isDate, isError } from '../values'
import { formatDatePattern, isDatePattern } from './date-format'
import { formatNumberPattern, isNumberPattern } from './number-format'

const GENERAL = /^(general|g\/通用格式|@)$/i

/**
 * TEXT(value, format): "0.00", "#,##0", "0%", "yyyy-MM-dd", "yyyy年M月d日", "HH:mm" ...
 * Numeric text is formatted as a number and date text as a date; a date with a number
 * pattern (or a number with a date pattern) is #VALUE!.
 */
export function textFunction(value: FormulaValue, format: FormulaValue, env: EvalEnv): FormulaValue {
  const pattern = toText(format)
  if (isError(pattern)) return pattern
  if (isError(value)) return value
  if (Array.isArray(value)) return errorValue('#VALUE!')
  if (value === null) return pattern === '' || GENERAL.test(pattern) ? '' : formatEmpty(pattern)
  if (GENERAL.test(pattern) || pattern === '') return toText(value)
  if (isNumberPattern(pattern)) {
    const n = typeof value === 'number'
      ? value
      : typeof value === 'boolean'
        ? null
        : typeof value === 'string' ? parseNumberText(value) : null
    if (n === null) return typeof value === 'string' ? value : errorValue('#VALUE!')
    return formatNumberPattern(n, pattern)
  }
  if (isDatePattern(pattern)) {
    const d = isDate(value) ? value : typeof value === 'string' ? parseDateText(value, env.timeZone) : null
    if (d === null) return typeof value === 'string' ? value : errorValue('#VALUE!')
    return formatDatePattern(d, pattern)
  }
  return pattern
}

function formatEmpty(pattern: string): string {
  return isNumberPattern(pattern) ? formatNumberPattern(0, pattern) : ''
}

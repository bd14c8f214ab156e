import type { FieldBehaviour, ParseContext, ParseResult } from './behaviour'
import type { FieldOf } from '../schema/types'
import { compareCodeUnits, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { formatLocalDateTime, parseDateText, toDateString, toIsoString } from './shared/date-text'
import { isEmptyValue } from './shared/empty'
import { fail, ok } from './shared/result'
import { always } from './shared/traits'

/**
 * A date ('YYYY-MM-DD'), a month (stored as the first day, 'YYYY-MM-01') or a datetime
 * (an ISO string in UTC, e.g. '2024-03-05T08:30:00.000Z').
 */
export const dateField: FieldBehaviour<'date'> = {
  type: 'date',
  computed: false,
  emptyValue: null,
  valueSchema: field => (granularity(field) === 'datetime'
    ? { type: 'string', format: 'date-time' }
    : { type: 'string', format: 'date', ...(granularity(field) === 'month' ? { pattern: '-01$' } : {}) }),
  parseText,
  format: (value, field) => {
    if (typeof value !== 'string') return ''
    if (granularity(field) === 'datetime') return formatLocalDateTime(value)
    return granularity(field) === 'month' ? value.slice(0, 7) : value
  },
  compare: emptyLast(compareCodeUnits),
  isEmpty: isEmptyValue,
  convertFrom: makeConvert<'date'>(parseText, null, (value, from, to) => {
    if ((from.type === 'createdAt' || from.type === 'updatedAt') && typeof value === 'number') return parseText(new Date(value).toISOString(), to)
    return undefined
  }),
  queryKind: field => (granularity(field) === 'datetime' ? 'datetime' : 'date'),
  exprType: always('date'),
  inputKind: (field, forFilter) => (granularity(field) === 'month' ? 'month' : granularity(field) === 'datetime' && !forFilter ? 'datetime' : 'date'),
  editsStored: true,
  measure: 'date',
  filterKind: 'dateRange',
  wide: false,
  palette: 'basic',
  inSubform: true,
  newOptions: () => ({ granularity: 'date' }),
}

function granularity(field: FieldOf<'date'>): 'date' | 'datetime' | 'month' {
  return field.options?.granularity ?? 'date'
}

function parseText(text: string, field: FieldOf<'date'>, ctx?: ParseContext): ParseResult {
  if (text.trim() === '') return ok(null)
  const parts = parseDateText(text, ctx?.dateFormat)
  if (parts === 'ambiguous') {
    return fail(`日期「${text.trim()}」的日月顺序不明确：请选择日期格式（DD/MM/YYYY 或 MM/DD/YYYY）`, `the date "${text.trim()}" is ambiguous: choose a date format (DD/MM/YYYY or MM/DD/YYYY)`)
  }
  if (parts === 'invalid') return fail(`「${text.trim()}」不是有效日期（例如 2024-03-05）`, `"${text.trim()}" is not a valid date (e.g. 2024-03-05)`)
  const g = granularity(field)
  if (g === 'datetime') return ok(toIsoString(parts))
  // A datetime pasted into a date field keeps its local calendar day.
  const day = parts.time && parts.zone !== undefined ? localDay(toIsoString(parts)) : toDateString(parts)
  return ok(g === 'month' ? `${day.slice(0, 7)}-01` : day)
}

function localDay(iso: string): string {
  return formatLocalDateTime(iso).slice(0, 10)
}

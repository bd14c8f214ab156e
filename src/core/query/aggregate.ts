import type { FieldDef, RecordRow } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import type { QueryColumn } from './columns'
import { indexFields, resolveColumn } from './columns'
import { msOfValue } from './dates'
import { isEmptyValue } from './empty'
import { textOf } from './text'

/** One figure computed over records. `field` is required except for count. */
export interface Measure {
  fn: 'count' | 'sum' | 'avg' | 'min' | 'max' | 'distinct'
  field?: string
}

/**
 * Computes a measure over records:
 * - count: records; with a field, records where it is not empty;
 * - sum: of the field's numbers (0 when there are none);
 * - avg / min / max: of the field's numbers, null ("no data") when there are none, never NaN;
 *   min / max of a date field give epoch ms (date-only values: local midnight);
 * - distinct: distinct non-empty values; each item of a multi-value field counts.
 * Without `fields`, the field is read from record values; with them, system columns
 * (`_createdAt` ...) and system fields work too. A measure on an unknown field gives null.
 */
export function aggregate(records: readonly RecordRow[], measure: Measure, fields?: readonly FieldDef[]): number | null {
  if (measure.field === undefined) return measure.fn === 'count' ? records.length : null
  const column = columnFor(measure.field, fields)
  if (!column) return null
  const get = column.get
  switch (measure.fn) {
    case 'count': { let n = 0; for (const r of records) if (!isEmptyValue(get(r))) n++; return n }
    case 'distinct': return distinctCount(records, column)
    case 'sum': return sumOf(records, column).sum
    case 'avg': { const { sum, n } = sumOf(records, column); return n === 0 ? null : sum / n }
    case 'min': return extreme(records, column, (a, b) => a < b)
    case 'max': return extreme(records, column, (a, b) => a > b)
    default: return assertNever(measure.fn, 'measure fn')
  }
}

function columnFor(field: string, fields?: readonly FieldDef[]): QueryColumn | undefined {
  if (fields) return resolveColumn(field, indexFields(fields))
  return { id: field, kind: 'generic', get: r => r.values[field], isMember: false }
}

/** Neumaier-compensated sum: rounding error does not pile up over many money values. */
function sumOf(records: readonly RecordRow[], column: QueryColumn): { sum: number, n: number } {
  let sum = 0
  let carry = 0
  let n = 0
  for (const r of records) {
    const v = column.get(r)
    if (typeof v !== 'number' || !Number.isFinite(v)) continue
    const t = sum + v
    carry += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum
    sum = t
    n++
  }
  return { sum: sum + carry, n }
}

function extreme(records: readonly RecordRow[], column: QueryColumn, better: (a: number, b: number) => boolean): number | null {
  const dated = column.kind === 'date' || column.kind === 'datetime'
  let best: number | null = null
  for (const r of records) {
    const raw = column.get(r)
    const v = dated ? msOfValue(raw) : typeof raw === 'number' ? raw : Number.NaN
    if (Number.isNaN(v)) continue
    if (best === null || better(v, best)) best = v
  }
  return best
}

function distinctCount(records: readonly RecordRow[], column: QueryColumn): number {
  const seen = new Set<unknown>()
  const add = (v: unknown): void => {
    if (isEmptyValue(v)) return
    seen.add(v !== null && typeof v === 'object' ? textOf(v) : v)
  }
  for (const r of records) {
    const v = column.get(r)
    if (Array.isArray(v)) v.forEach(add)
    else add(v)
  }
  return seen.size
}

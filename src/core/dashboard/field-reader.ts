/** A function of a field's value per record, read through the records' value codes (core/metrics perValue). */
import type { RecordColumns } from '../metrics'
import { perValue } from '../metrics'
import type { FieldDef, RecordRow } from '../schema/types'
import { fieldValue } from './cell-text'

/** Field types whose value is the record's own metadata, not a stored value. */
const SYSTEM_TYPES: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'createdBy', 'updatedBy'])

/**
 * `(i) => of(fieldValue(rc.rows[i], field))`, with `of` called once per distinct value (per
 * distinct string through the value codes; system fields and other values per distinct value
 * met). `of` must depend on the value only.
 */
export function fieldReader<T>(rc: RecordColumns, field: FieldDef, of: (v: unknown) => T): (i: number) => T {
  if (!SYSTEM_TYPES.has(field.type)) return perValue(rc, field.id, of)
  const records = rc.rows
  const seen = new Map<unknown, T>()
  return (i) => {
    const v = fieldValue(records[i] as RecordRow, field)
    if (seen.has(v)) return seen.get(v) as T
    const t = of(v)
    seen.set(v, t)
    return t
  }
}

/**
 * A function of one field's value, read for many records through their value codes
 * (record-columns.ts): computed once per distinct string value instead of once per record, and
 * from the record object only where the codes cannot say (a missing value, a number, a list).
 */
import type { RecordRow } from '../schema/types'
import type { RecordColumns } from './record-columns'

/**
 * `(i) => of(rc.rows[i].values[fieldId])`, with `of` called once per distinct string value
 * (and once per missing or null value). `of` must depend on the value only.
 */
export function perValue<T>(rc: RecordColumns, fieldId: string, of: (v: unknown) => T): (i: number) => T {
  const records = rc.rows
  const { codes, table } = rc.codes(fieldId)
  const byCode: T[] = []
  const done: boolean[] = []
  let missing: { v: T } | undefined
  let nulls: { v: T } | undefined
  return (i) => {
    const c = codes[i] as number
    if (c >= 0) {
      if (done[c] !== true) {
        byCode[c] = of(table[c])
        done[c] = true
      }
      return byCode[c] as T
    }
    const v = (records[i] as RecordRow).values[fieldId]
    if (v === undefined) return (missing ??= { v: of(undefined) }).v
    if (v === null) return (nulls ??= { v: of(null) }).v
    return of(v)
  }
}

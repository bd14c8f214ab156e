import type { RecordRow } from '../schema/types'
import { isEmptyValue } from '../fields/shared/empty'

/** A value's identity for key matching; undefined for empty values. */
export function keyOf(value: unknown): string | undefined {
  if (isEmptyValue(value)) return undefined
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Records by their value of one field. */
export type KeyIndex = Map<string, string[]>

/** Index of records by the value of `fieldId` (records with an empty value left out). */
export function indexBy(records: readonly RecordRow[], fieldId: string): KeyIndex {
  const index: KeyIndex = new Map()
  for (const r of records) {
    const key = keyOf(r.values[fieldId])
    if (key === undefined) continue
    const ids = index.get(key)
    if (ids) ids.push(r.id)
    else index.set(key, [r.id])
  }
  return index
}

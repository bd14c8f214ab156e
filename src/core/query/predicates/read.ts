import type { RecordRow } from '../../schema/types'

/** Reads a column's raw value from a record. */
export type Read = (record: RecordRow) => unknown

/** A condition value as a list: arrays as they are, a single value as a one-item list. */
export function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}

/** The ids of an id-set value: a string is one id, an array its string items; anything else none. */
export function toIds(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '')
  return []
}

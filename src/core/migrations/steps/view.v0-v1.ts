/**
 * View 0 -> 1. Pre-release views stored `filter` as a bare array of conditions (meaning
 * "all of") and hidden columns as `hiddenColumns: string[]`.
 */
import type { JsonObject, MigrationStep } from '../types'
import { asArray, isObject } from '../types'

/** The view migration from unversioned (0) to 1. */
export const viewV0toV1: MigrationStep = {
  kind: 'view',
  from: 0,
  to: 1,
  description: 'filter array -> { and: [...] }; hiddenColumns -> columns[].hidden',
  up: (doc) => {
    const { hiddenColumns, ...rest } = doc
    const out: JsonObject = { ...rest, schemaVersion: 1 }
    if (Array.isArray(rest.filter)) out.filter = { and: rest.filter }
    const hidden = asArray(hiddenColumns).map(String)
    if (hidden.length > 0) {
      const columns = asArray(rest.columns).map(c => (isObject(c) && hidden.includes(String(c.field)) ? { ...c, hidden: true } : c))
      const listed = new Set(columns.map(c => (isObject(c) ? String(c.field) : '')))
      out.columns = [...columns, ...hidden.filter(f => !listed.has(f)).map(field => ({ field, hidden: true }))]
    }
    return out
  },
}

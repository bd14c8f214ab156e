import type { Filter } from '../schema/filter'
import type { FieldDef } from '../schema/types'
import { validateFilter } from '../query'

/** A filter read from a link, or why it could not be used. */
export type RouteFilter
  = | { ok: true, filter: Filter }
    | { ok: false, reason: 'json' | 'shape' }

/**
 * Reads the `?filter=` of a link (already URL-decoded JSON). A filter with errors is refused
 * whole rather than half-applied: the grid must show exactly the linked records or say why not.
 */
export function parseRouteFilter(raw: string, fields: readonly FieldDef[]): RouteFilter {
  let value: unknown
  try {
    value = JSON.parse(raw)
  }
  catch {
    return { ok: false, reason: 'json' }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('and' in value || 'or' in value)) return { ok: false, reason: 'shape' }
  if (validateFilter(value, fields).some(i => i.severity === 'error')) return { ok: false, reason: 'shape' }
  return { ok: true, filter: value as Filter }
}

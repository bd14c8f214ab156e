import type { Filter } from '../schema/filter'
import type { FieldDef } from '../schema/types'
import type { ValidationIssue } from '../validation'
import { validateFilter } from '../query'
import { parseBoundedJson } from '../validation'

/** A filter read from a link, or why it could not be used. */
export type RouteFilter
  = | { ok: true, filter: Filter }
    | { ok: false, reason: 'json' | 'shape' }
    | { ok: false, reason: 'limit', issue: ValidationIssue }

/**
 * Reads the `?filter=` of a link (already URL-decoded JSON). A filter with errors is refused
 * whole rather than half-applied: the grid must show exactly the linked records or say why not.
 * Links deeper or longer than JSON_LIMITS.routeFilter are refused before parsing.
 */
export function parseRouteFilter(raw: string, fields: readonly FieldDef[]): RouteFilter {
  const parsed = parseBoundedJson('routeFilter', raw)
  if (!parsed.ok) return parsed.issue.code === 'invalidJson' ? { ok: false, reason: 'json' } : { ok: false, reason: 'limit', issue: parsed.issue }
  const value = parsed.value
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('and' in value || 'or' in value)) return { ok: false, reason: 'shape' }
  if (validateFilter(value, fields).some(i => i.severity === 'error')) return { ok: false, reason: 'shape' }
  return { ok: true, filter: value as Filter }
}

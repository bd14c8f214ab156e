import type { FieldDef } from '../schema/types'
import { behaviourOf } from '../fields/registry'
import type { QueryKind } from './types'

/**
 * How a field type behaves in queries: its behaviour's `queryKind` (core/fields). Date fields
 * with `granularity: 'datetime'` and formula results of type date hold instants (`datetime`);
 * other date fields hold calendar days (`date`). Lookups and untyped formulas are `generic`
 * (compared as text).
 */
export function kindOfField(field: FieldDef): QueryKind {
  return behaviourOf(field).queryKind(field)
}

import type { FieldDef } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import type { QueryKind } from './types'

/**
 * How a field type behaves in queries. Date fields with `granularity: 'datetime'` and
 * formula results of type date hold instants (`datetime`); other date fields hold calendar
 * days (`date`). Lookups and untyped formulas are `generic` (compared as text).
 */
export function kindOfField(field: FieldDef): QueryKind {
  switch (field.type) {
    case 'text': case 'textarea': case 'phone': case 'email': case 'url': case 'serial': case 'address':
      return 'text'
    case 'number': case 'money': case 'percent': case 'rating': case 'rollup':
      return 'number'
    case 'date':
      return field.options?.granularity === 'datetime' ? 'datetime' : 'date'
    case 'createdAt': case 'updatedAt':
      return 'datetime'
    case 'select': case 'stage':
      return 'option'
    case 'multiselect': case 'member': case 'relation': case 'createdBy': case 'updatedBy':
      return 'idSet'
    case 'checkbox':
      return 'bool'
    case 'attachment': case 'image': case 'subform':
      return 'presence'
    case 'lookup':
      return 'generic'
    case 'formula':
      return formulaKind(field.options.resultType)
    case 'separator': case 'description':
      return 'none'
    default:
      return assertNever(field, 'field type')
  }
}

function formulaKind(resultType: 'number' | 'text' | 'date' | 'boolean' | undefined): QueryKind {
  switch (resultType) {
    case 'number': return 'number'
    case 'text': return 'text'
    case 'date': return 'datetime'
    case 'boolean': return 'bool'
    case undefined: return 'generic'
    default: return assertNever(resultType, 'formula result type')
  }
}

/** Display text of a record's field value, through the field registry's formatter. */
import { behaviourOf } from '../fields'
import type { FieldDef, Locale, Member, RecordRow } from '../schema/types'

/** The value a field shows for a record (system fields read the record's own metadata). */
export function fieldValue(record: RecordRow, field: FieldDef): unknown {
  switch (field.type) {
    case 'createdAt': return record.createdAt
    case 'updatedAt': return record.updatedAt
    case 'createdBy': return record.createdBy
    case 'updatedBy': return record.updatedBy
    default: return record.values[field.id]
  }
}

/** The text a user sees for `field` of `record`. */
export function cellText(record: RecordRow, field: FieldDef, locale: Locale, members: readonly Member[]): string {
  return behaviourOf(field).format(fieldValue(record, field), field, { locale, members })
}

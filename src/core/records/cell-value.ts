import type { FieldDef, RecordRow } from '../schema/types'

/** The value a grid cell shows for a field: system fields read the record's own metadata. */
export function cellValue(field: FieldDef, row: RecordRow): unknown {
  switch (field.type) {
    case 'createdAt': return row.createdAt
    case 'updatedAt': return row.updatedAt
    case 'createdBy': return row.createdBy ?? null
    case 'updatedBy': return row.updatedBy ?? null
    default: return row.values[field.id] ?? null
  }
}

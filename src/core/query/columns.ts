import type { FieldDef, RecordRow } from '../schema/types'
import { kindOfField } from './field-kind'
import type { QueryKind, QueryOption } from './types'

/** Filterable columns that are not fields: the record's own id, times and authors. */
export const SYSTEM_COLUMNS = ['_id', '_createdAt', '_updatedAt', '_createdBy', '_updatedBy'] as const
/** One of SYSTEM_COLUMNS. */
export type SystemColumn = typeof SYSTEM_COLUMNS[number]

/** A field or system column, resolved once for a query: its kind, value getter and options. */
export interface QueryColumn {
  id: string
  kind: QueryKind
  /** The field definition; absent for system columns. */
  field?: FieldDef
  /** Reads the column's raw value from a record. */
  get: (record: RecordRow) => unknown
  /** Set when `get(r)` is `r.values[valueKey]` (a stored field value), so a pass can read it from the record's present values. */
  valueKey?: string
  /** Options in display order (select, multiselect, stage). */
  options?: readonly QueryOption[]
  /** True when the values are member ids (member, createdBy, updatedBy). */
  isMember: boolean
}

/** Field id → field, for resolving many columns against the same field list. */
export type FieldIndex = ReadonlyMap<string, FieldDef>

/** Indexes a field list by id. */
export function indexFields(fields: readonly FieldDef[]): FieldIndex {
  return new Map(fields.map(f => [f.id, f]))
}

/** Resolves a column id (field id or system column); undefined when unknown. */
export function resolveColumn(id: string, fields: FieldIndex): QueryColumn | undefined {
  const field = fields.get(id)
  if (field) return fieldColumn(field)
  return systemColumn(id)
}

function systemColumn(id: string): QueryColumn | undefined {
  switch (id) {
    case '_id': return { id, kind: 'text', get: r => r.id, isMember: false }
    case '_createdAt': return { id, kind: 'datetime', get: r => r.createdAt, isMember: false }
    case '_updatedAt': return { id, kind: 'datetime', get: r => r.updatedAt, isMember: false }
    case '_createdBy': return { id, kind: 'idSet', get: r => r.createdBy, isMember: true }
    case '_updatedBy': return { id, kind: 'idSet', get: r => r.updatedBy, isMember: true }
    default: return undefined
  }
}

function fieldColumn(field: FieldDef): QueryColumn {
  const id = field.id
  const base = { id, kind: kindOfField(field), field, isMember: false }
  switch (field.type) {
    // System fields show the record's own metadata, not a stored value.
    case 'createdAt': return { ...base, get: r => r.createdAt }
    case 'updatedAt': return { ...base, get: r => r.updatedAt }
    case 'createdBy': return { ...base, get: r => r.createdBy, isMember: true }
    case 'updatedBy': return { ...base, get: r => r.updatedBy, isMember: true }
    case 'member': return { ...base, get: r => r.values[id], valueKey: id, isMember: true }
    case 'select': case 'multiselect': return { ...base, get: r => r.values[id], valueKey: id, options: field.options.choices }
    case 'stage': return { ...base, get: r => r.values[id], valueKey: id, options: field.options.stages }
    default: return { ...base, get: r => r.values[id], valueKey: id }
  }
}

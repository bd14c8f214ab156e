/**
 * Generates the JSON Schema of a form's record values from its field definitions. Each
 * writable field accepts an empty value (null, '', [], {}) unless required, and otherwise its
 * type's value schema; computed fields accept nothing (or anything, when ignored).
 */
import type { FieldDef, FormDef } from '../../schema/types'
import type { JsonSchema } from '../../fields/behaviour'
import { behaviourOf } from '../../fields/registry'

/** Values that count as "not filled" in a record. */
export const EMPTY_VALUES: readonly unknown[] = [null, '', [], {}]

/** How the generated schema treats required and computed fields. */
export interface RecordSchemaMode {
  /** Only the fields present are checked; required fields may be absent (a grid cell edit). */
  partial: boolean
  /** 'reject': a value for a computed field is an error; 'ignore': it is accepted as is. */
  computed: 'reject' | 'ignore'
}

/** The JSON Schema of a record's `values` for `form`. */
export function buildRecordSchema(form: FormDef, mode: RecordSchemaMode): Record<string, unknown> {
  const kept = Object.fromEntries((form.trash ?? []).map(t => [t.field.id, true]))
  return valuesSchema(form.fields, mode, kept, false)
}

function valuesSchema(fields: readonly FieldDef[], mode: RecordSchemaMode, extra: Record<string, JsonSchema>, row: boolean): Record<string, unknown> {
  const properties: Record<string, JsonSchema> = { ...extra }
  const required: string[] = []
  for (const field of fields) {
    properties[field.id] = propertySchema(field, mode)
    if (field.required && !mode.partial && !behaviourOf(field).computed) required.push(field.id)
  }
  if (row) properties._id = { type: 'string' }
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  }
}

function propertySchema(field: FieldDef, mode: RecordSchemaMode): JsonSchema {
  const behaviour = behaviourOf(field)
  if (behaviour.computed) return mode.computed === 'ignore'
  const value = field.type === 'subform'
    ? { type: 'array', items: valuesSchema(field.options.fields, { ...mode, partial: false }, {}, true) }
    : behaviour.valueSchema(field)
  return { if: { enum: EMPTY_VALUES }, then: field.required !== true, else: value }
}

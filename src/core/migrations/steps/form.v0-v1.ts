/**
 * Form 0 -> 1. Pre-release forms had no schemaVersion; fields used `name` for their label,
 * kept `choices` / `stages` / `expression` / sub-`fields` at the field's top level (choices
 * as plain strings or { value, label }), and some types had other names. Forms used `title`
 * for their name and could lack timestamps (set to 0: unknown).
 */
import type { JsonObject, MigrationStep } from '../types'
import { asArray, isObject } from '../types'

const TYPE_ALIASES: Record<string, string> = {
  currency: 'money', longtext: 'textarea', radio: 'select', singleSelect: 'select',
  checkboxes: 'multiselect', multiSelect: 'multiselect', datetime: 'date', autonumber: 'serial',
}
const MOVED: Record<string, string> = { choices: 'choices', stages: 'stages', expression: 'expression', fields: 'fields' }

/** The form migration from unversioned (0) to 1. */
export const formV0toV1: MigrationStep = {
  kind: 'form',
  from: 0,
  to: 1,
  description: 'field name -> label; choices/stages/expression/fields into options; type aliases; form title -> name',
  up: (doc) => {
    const { title, ...rest } = doc
    return {
      ...rest,
      schemaVersion: 1,
      name: rest.name ?? title ?? rest.id,
      fields: asArray(rest.fields).map(migrateField),
      ...(rest.trash === undefined ? {} : { trash: asArray(rest.trash).map(t => (isObject(t) ? { ...t, field: migrateField(t.field) } : t)) }),
      createdAt: rest.createdAt ?? 0,
      updatedAt: rest.updatedAt ?? 0,
    }
  },
}

/** One pre-release field in the current shape. */
export function migrateField(field: unknown): unknown {
  if (!isObject(field)) return field
  const { name, ...rest } = field
  const out: JsonObject = { ...rest }
  if (out.label === undefined && name !== undefined) out.label = name
  if (typeof out.type === 'string' && TYPE_ALIASES[out.type]) {
    if (out.type === 'datetime') out.options = { ...(isObject(out.options) ? out.options : {}), granularity: 'datetime' }
    out.type = TYPE_ALIASES[out.type]
  }
  const options: JsonObject = isObject(out.options) ? { ...out.options } : {}
  let moved = false
  for (const key of Object.keys(MOVED)) {
    if (out[key] === undefined) continue
    options[key] = key === 'choices' ? asArray(out[key]).map(toOption) : key === 'fields' ? asArray(out[key]).map(migrateField) : out[key]
    delete out[key]
    moved = true
  }
  if (Array.isArray(options.choices)) options.choices = options.choices.map(toOption)
  if (Array.isArray(options.fields)) options.fields = options.fields.map(migrateField)
  if (moved || out.options !== undefined) out.options = options
  return out
}

function toOption(choice: unknown): unknown {
  if (typeof choice === 'string' || typeof choice === 'number') return { id: String(choice), label: String(choice) }
  if (isObject(choice) && choice.id === undefined && choice.value !== undefined) {
    const { value, ...rest } = choice
    return { ...rest, id: String(value), label: rest.label ?? String(value) }
  }
  return choice
}

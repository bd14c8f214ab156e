import type { FieldDef, FormDef, RecordRow } from '../schema/types'

function hasFiles(fields: readonly FieldDef[]): boolean {
  return fields.some(f => f.type === 'attachment' || f.type === 'image' || (f.type === 'subform' && hasFiles(f.options.fields)))
}

/**
 * Whether records of `form` may refer to stored files: it has an attachment or image field,
 * in a subform too, or one in its field trash (deleted fields keep their values).
 */
export function formHasFiles(form: FormDef): boolean {
  return hasFiles(form.fields) || hasFiles((form.trash ?? []).map(t => t.field))
}

/**
 * Adds to `into` the `key` of every file value found anywhere inside `value` (objects with a
 * string `id`, `name` and `key`, at any depth: subform rows and trashed fields included).
 */
export function collectFileKeys(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectFileKeys(item, into)
    return
  }
  if (typeof value !== 'object' || value === null) return
  const v = value as Record<string, unknown>
  if (typeof v.key === 'string' && typeof v.id === 'string' && typeof v.name === 'string') into.add(v.key)
  for (const inner of Object.values(v)) {
    if (typeof inner === 'object' && inner !== null) collectFileKeys(inner, into)
  }
}

/** The file keys referred to by `rows`. */
export function fileKeysOf(rows: Iterable<RecordRow>, into = new Set<string>()): Set<string> {
  for (const row of rows) collectFileKeys(row.values, into)
  return into
}

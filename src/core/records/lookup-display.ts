/**
 * How a lookup's values are shown: formatted by the type of the field they come from (an
 * option's label, a linked record's title, a member's name), not as raw ids.
 */
import type { FormatContext } from '../fields/behaviour'
import type { FieldDef, FieldOf, FormDef } from '../schema/types'
import { behaviourOf } from '../fields/registry'
import { listSeparator } from '../fields/shared/choice'
import { isEmptyValue } from '../fields/shared/empty'
import { missingText } from '../fields/shared/missing'

/** The field a lookup shows, and whether its values come as a list (a multiple relation). */
export interface LookupSource {
  field: FieldDef
  list: boolean
}

/** The target field of a lookup, found through its relation field among `fields`; undefined when dangling. */
export function lookupSource(field: FieldOf<'lookup'>, fields: readonly FieldDef[], formOf: (formId: string) => Pick<FormDef, 'fields'> | undefined): LookupSource | undefined {
  const rel = fields.find(f => f.id === field.options.relationField)
  if (rel?.type !== 'relation') return undefined
  const target = formOf(rel.options.formId)?.fields.find(f => f.id === field.options.targetField)
  return target ? { field: target, list: !!rel.options.multiple } : undefined
}

/** The text of a lookup value, each item formatted by the source field's type. */
export function formatLookup(value: unknown, source: LookupSource, ctx: FormatContext): string {
  const fmt = (v: unknown) => behaviourOf(source.field).format(v, source.field as never, ctx)
  if (source.list && Array.isArray(value)) return value.map(fmt).filter(t => t !== '').join(listSeparator(ctx.locale))
  return fmt(value)
}

/**
 * A `formatLookup` for a FormatContext: lookups among `fields` are shown as their source field
 * shows its values (with `base` for members and related titles); a lookup whose relation or
 * target field is gone shows a marked placeholder, not raw ids.
 */
export function lookupFormatter(fields: readonly FieldDef[], formOf: (formId: string) => Pick<FormDef, 'fields'> | undefined, base: FormatContext): (value: unknown, field: FieldOf<'lookup'>) => string | undefined {
  const sources = new Map<string, LookupSource | undefined>()
  return (value, field) => {
    if (!sources.has(field.id)) sources.set(field.id, lookupSource(field, fields, formOf))
    const source = sources.get(field.id)
    if (source) return formatLookup(value, source, base)
    return isEmptyValue(value) ? '' : missingText('source', base.locale)
  }
}

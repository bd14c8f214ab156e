/** The designer's palette: field types in groups, and a new field of each type with sensible options. */
import type { FieldGroup, NewFieldContext } from '../fields/behaviour'
import type { FieldDef, FieldType, Label } from '../schema/types'
import { fieldRegistry, typesWhere } from '../fields/registry'
import { newFieldId } from '../utils/id'

export type { NewFieldContext } from '../fields/behaviour'
export { OPTION_COLORS, sampleChoices } from '../fields/shared/new-options'

export type { FieldGroup } from '../fields/behaviour'

const inGroup = (g: FieldGroup) => typesWhere(b => b.palette === g)

/** Every field type by palette group (its behaviour's `palette`), groups in display order. */
export const FIELD_GROUPS: Readonly<Record<FieldGroup, readonly FieldType[]>> = {
  basic: inGroup('basic'),
  choice: inGroup('choice'),
  advanced: inGroup('advanced'),
  system: inGroup('system'),
  layout: inGroup('layout'),
}

/** The options a new field of `type` starts with: its behaviour's `newOptions` (core/fields). */
export function defaultOptions(type: FieldType, ctx: NewFieldContext): FieldDef['options'] {
  return fieldRegistry[type].newOptions(ctx)
}

/** A label not yet used in the form: `base`, then `base 2`, `base 3` … */
export function freeLabel(base: Label, fields: readonly FieldDef[]): Label {
  const taken = new Set(fields.flatMap(f => (typeof f.label === 'string' ? [f.label] : [f.label['zh-CN'], f.label.en])))
  const text = (l: Label, n: number): Label => (typeof l === 'string'
    ? `${l} ${n}`
    : { ...(l['zh-CN'] ? { 'zh-CN': `${l['zh-CN']}${n}` } : {}), ...(l.en ? { en: `${l.en} ${n}` } : {}) })
  const used = (l: Label) => (typeof l === 'string' ? taken.has(l) : [l['zh-CN'], l.en].some(s => s !== undefined && taken.has(s)))
  if (!used(base)) return base
  for (let n = 2; ; n++) if (!used(text(base, n))) return text(base, n)
}

/** A new field of `type` labelled `label` (made unique in the form), with default options. */
export function createField(type: FieldType, label: Label, ctx: NewFieldContext): FieldDef {
  const options = defaultOptions(type, ctx)
  return { id: newFieldId(), type, label: freeLabel(label, ctx.form.fields), ...(options ? { options } : {}) } as FieldDef
}

/** A copy of a field with new ids (its own, its options' and sub-fields'), labelled as a copy. */
export function duplicateField(field: FieldDef, fields: readonly FieldDef[]): FieldDef {
  const copy = structuredClone(field)
  copy.id = newFieldId()
  copy.label = freeLabel(field.label, fields)
  if (copy.type === 'subform') copy.options.fields = copy.options.fields.map(f => ({ ...f, id: newFieldId() }))
  return copy
}

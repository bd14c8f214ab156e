import type { InputKind } from '@/core/fields'
import type { FieldDef, Locale, Member } from '@/core/schema/types'
import { behaviourOf } from '@/core/fields'
import { CURRENT_MEMBER } from '@/core/query'
import { labelText } from '@/core/utils/label'
import { safeColor } from '@/core/utils/safe-color'

export type { InputKind }

/** An option of a choice control. */
export interface ChoiceOption { value: string, label: string, color?: string }

/**
 * The control for a field: its behaviour's `inputKind` (core/fields). In filters, datetime
 * values compare by day, so they get a date picker; members, multiselects and option fields
 * become choices.
 */
export function inputKindOf(field: FieldDef, forFilter: boolean): InputKind {
  return behaviourOf(field).inputKind(field, forFilter)
}

/** True when the field's own value is a list (multiselect, multiple members). */
export function holdsList(field: FieldDef): boolean {
  return field.type === 'multiselect' || (field.type === 'member' && !!field.options?.multiple)
}

/** The options of a choice control, in display order; filters on members also offer "me". */
export function choicesOf(field: FieldDef, locale: Locale, members: readonly Member[], meLabel?: string): ChoiceOption[] {
  switch (field.type) {
    case 'select': case 'multiselect':
      return field.options.choices.map(c => ({ value: c.id, label: labelText(c.label, locale) || c.id, color: safeColor(c.color) }))
    case 'stage':
      return field.options.stages.map(s => ({ value: s.id, label: labelText(s.label, locale) || s.id, color: safeColor(s.color) }))
    case 'member': case 'createdBy': case 'updatedBy': {
      const list = members.map(m => ({ value: m.id, label: m.name, color: safeColor(m.color) }))
      return meLabel ? [{ value: CURRENT_MEMBER, label: meLabel }, ...list] : list
    }
    default:
      return []
  }
}

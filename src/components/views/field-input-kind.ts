import type { FieldDef, Locale, Member } from '@/core/schema/types'
import { CURRENT_MEMBER } from '@/core/query'
import { labelText } from '@/core/utils/label'
import { safeColor } from '@/core/utils/safe-color'

/** Which control edits a value of a field. */
export type InputKind = 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'month' | 'choice' | 'bool' | 'readonly'

/** An option of a choice control. */
export interface ChoiceOption { value: string, label: string, color?: string }

/**
 * The control for a field. In filters, datetime values compare by day, so they get a date
 * picker; members, multiselects and option fields become choices.
 */
export function inputKindOf(field: FieldDef, forFilter: boolean): InputKind {
  switch (field.type) {
    case 'text': case 'phone': case 'email': case 'url': return 'text'
    case 'textarea': return forFilter ? 'text' : 'textarea'
    case 'number': case 'money': case 'percent': case 'rating': return 'number'
    case 'date': {
      const g = field.options?.granularity
      if (g === 'month') return 'month'
      return g === 'datetime' && !forFilter ? 'datetime' : 'date'
    }
    case 'createdAt': case 'updatedAt': return forFilter ? 'date' : 'readonly'
    case 'select': case 'stage': case 'multiselect': case 'member': return 'choice'
    case 'createdBy': case 'updatedBy': return forFilter ? 'choice' : 'readonly'
    case 'checkbox': return 'bool'
    case 'serial': case 'address': return forFilter ? 'text' : 'readonly'
    case 'rollup': return forFilter ? 'number' : 'readonly'
    case 'formula': return forFilter ? formulaKind(field.options.resultType) : 'readonly'
    default: return forFilter && field.type === 'lookup' ? 'text' : 'readonly'
  }
}

function formulaKind(t: 'number' | 'text' | 'date' | 'boolean' | undefined): InputKind {
  if (t === 'number') return 'number'
  if (t === 'date') return 'date'
  if (t === 'boolean') return 'bool'
  return 'text'
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

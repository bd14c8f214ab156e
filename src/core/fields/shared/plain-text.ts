import type { FieldDef, SelectOption } from '../../schema/types'
import { labelText } from '../../utils/label'

/**
 * A value of any field as plain text, without the registry: the bridge used when a field
 * changes type (format with the old type, parse with the new one). Option ids become their
 * Chinese label (parseText matches labels in either locale), booleans 是/否.
 */
export function plainText(value: unknown, field: FieldDef): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(v => plainText(v, field)).filter(s => s !== '').join(', ')
  if (typeof value === 'string') {
    const o = optionsOf(field).find(opt => opt.id === value)
    return o ? labelText(o.label, 'zh-CN') : value
  }
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if (typeof obj.name === 'string') return obj.name
    return Object.values(obj).filter(v => typeof v === 'string' && v !== '').join(' ')
  }
  return ''
}

/** The options of a select, multiselect or stage field; [] for other types. */
export function optionsOf(field: FieldDef): readonly SelectOption[] {
  if (field.type === 'select' || field.type === 'multiselect') return field.options.choices
  if (field.type === 'stage') return field.options.stages
  return []
}

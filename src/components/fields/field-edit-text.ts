import type { FieldDef } from '@/core/schema/types'
import type { FieldUiContext } from './field-tags'
import { fieldRegistry } from '@/core/fields'

/**
 * The text an editor starts with (the type's `editsStored`): plain digits for numbers (no thousands separators or
 * currency, so typing replaces cleanly), the stored string for dates, the display text
 * otherwise. Whatever is typed goes back through the type's parseText.
 */
export function editText(field: FieldDef, value: unknown, ui: FieldUiContext): string {
  if (value === null || value === undefined) return ''
  const behaviour = fieldRegistry[field.type]
  return behaviour.editsStored ? String(value) : behaviour.format(value, field as never, { locale: ui.locale, members: ui.members })
}

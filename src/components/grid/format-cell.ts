import type { FieldDef, Locale, Member } from '@/core/schema/types'
import { fieldRegistry } from '@/core/fields/registry'

/** The text a grid cell shows for a value: the field type's own formatter, for people. */
export function formatCell(field: FieldDef, value: unknown, ctx: { locale: Locale, members: Member[], relationTitle?: (formId: string, recordId: string) => string | undefined }): string {
  return fieldRegistry[field.type].format(value, field as never, { locale: ctx.locale, members: ctx.members, relationTitle: ctx.relationTitle })
}

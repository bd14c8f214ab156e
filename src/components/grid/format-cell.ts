import type { FormatContext } from '@/core/fields'
import type { FieldDef, Locale, Member } from '@/core/schema/types'
import { formatField } from '@/core/records'

/** The text a grid cell shows for a value: the one field formatter (core/records/field-format), for people. */
export function formatCell(field: FieldDef, value: unknown, ctx: { locale: Locale, members: Member[], relationTitle?: FormatContext['relationTitle'] }): string {
  return formatField(field, value, { locale: ctx.locale, members: ctx.members, relationTitle: ctx.relationTitle })
}

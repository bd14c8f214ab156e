/**
 * The one way a value is shown to people, wherever it appears (grid, kanban cards, the record
 * drawer and form, the recycle bin, exports, widgets): the field type's formatter with a full
 * context, so relations show the linked record's title, lookups show as their source field,
 * members their names, options their labels, money its currency. What cannot be shown (a
 * deleted record or option, a departed member) is a marked placeholder naming the cause.
 */
import type { FormatContext } from '../fields/behaviour'
import type { FieldDef, FormDef, Locale, Member, RecordRow } from '../schema/types'
import { behaviourOf } from '../fields/registry'
import { missingText } from '../fields/shared/missing'
import { cellValue } from './cell-value'
import { lookupFormatter } from './lookup-display'

/** Where the formatter finds what values refer to. */
export interface FormatSources {
  locale: Locale
  members: readonly Member[]
  formOf: (formId: string) => FormDef | undefined
  /** A record of a form; null when its form is loaded and has no such record, undefined while it loads. */
  recordOf: (formId: string, recordId: string) => RecordRow | null | undefined
}

/** The field that names a form's records: its titleField, else its first text field. */
export function titleFieldOf(form: Pick<FormDef, 'fields' | 'titleField'> | undefined): FieldDef | undefined {
  if (!form) return undefined
  return form.fields.find(f => f.id === form.titleField) ?? form.fields.find(f => f.type === 'text')
}

/** The title of a record ('' when its title field is empty or the form has none). */
export function recordTitleText(form: FormDef | undefined, row: RecordRow, ctx: FormatContext): string {
  const f = titleFieldOf(form)
  return f ? behaviourOf(f).format(cellValue(f, row), f, ctx) : ''
}

/** A FormatContext that resolves relation titles through `src` (titles never fall back to the record id). */
export function relationTitles(src: FormatSources): NonNullable<FormatContext['relationTitle']> {
  const plain: FormatContext = { locale: src.locale, members: src.members }
  return (formId, recordId) => {
    const row = src.recordOf(formId, recordId)
    if (!row) return row
    return recordTitleText(src.formOf(formId), row, plain) || missingText('untitled', src.locale)
  }
}

/** The full context to format values of a form with `fields` (relation titles, lookups shown as their source). */
export function formatContextFor(fields: readonly FieldDef[], src: FormatSources): FormatContext {
  const base: FormatContext = { locale: src.locale, members: src.members, relationTitle: relationTitles(src) }
  return { ...base, formatLookup: lookupFormatter(fields, src.formOf, base) }
}

/** The text of a value as people read it (see the module comment). */
export function formatField(field: FieldDef, value: unknown, ctx: FormatContext): string {
  return behaviourOf(field).format(value, field, ctx)
}

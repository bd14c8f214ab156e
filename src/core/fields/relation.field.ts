import type { FieldBehaviour, FormatContext, ParseContext, ParseResult } from './behaviour'
import type { FieldOf } from '../schema/types'
import { compareText, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { listSeparator, splitList } from './shared/choice'
import { fail, ok } from './shared/result'
import { always, input } from './shared/traits'
import { LOADING_TEXT, missingText } from './shared/missing'

/** Link to records of another form: a record id, or an array of ids when `multiple`. */
export const relationField: FieldBehaviour<'relation'> = {
  type: 'relation',
  computed: false,
  emptyValue: null,
  valueSchema: field => (field.options.multiple
    ? { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } }
    : { type: 'string', minLength: 1 }),
  parseText,
  format: (value, field, ctx) => {
    const ids = Array.isArray(value) ? value : isEmptyValue(value) ? [] : [value]
    return ids.map(id => relationText(ctx, field.options.formId, String(id))).join(listSeparator(ctx.locale))
  },
  compare: emptyLast(compareText),
  isEmpty: isEmptyValue,
  convertFrom: makeConvert<'relation'>(parseText, null),
  queryKind: always('idSet'),
  exprType: field => (field.options.multiple ? 'list' : 'text'),
  inputKind: input('readonly'),
  editsStored: false,
  measure: null,
  filterKind: null,
  wide: false,
  palette: 'advanced',
  inSubform: false,
  newOptions: ctx => ({ formId: ctx.forms.find(f => f.id !== ctx.form.id)?.id ?? ctx.form.id }),
}

/** A linked record's title; deleted: a marked placeholder; still loading: '…'; no titles known at all: the id. */
function relationText(ctx: FormatContext, formId: string, id: string): string {
  if (!ctx.relationTitle) return id
  const title = ctx.relationTitle(formId, id)
  if (title === null) return missingText('record', ctx.locale)
  return title === undefined ? LOADING_TEXT : title || missingText('untitled', ctx.locale)
}

function parseText(text: string, field: FieldOf<'relation'>, ctx?: ParseContext): ParseResult {
  const parts = splitList(text)
  if (parts.length === 0) return ok(null)
  if (!field.options.multiple && parts.length > 1) return fail(`只能关联一条记录：「${text.trim()}」`, `only one record may be linked: "${text.trim()}"`)
  const ids: string[] = []
  for (const part of parts) {
    const id = ctx?.findRecord === undefined ? part : ctx.findRecord(field.options.formId, part)
    if (id === undefined) return fail(`找不到关联记录「${part}」`, `no linked record "${part}"`)
    if (!ids.includes(id)) ids.push(id)
  }
  return ok(field.options.multiple ? ids : ids[0])
}

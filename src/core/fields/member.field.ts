import type { FieldBehaviour, ParseContext, ParseResult } from './behaviour'
import type { FieldOf, Locale, Member } from '../schema/types'
import { compareText, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { listSeparator, splitList } from './shared/choice'
import { fail, ok } from './shared/result'
import { always, input } from './shared/traits'
import { noOptions } from './shared/new-options'
import { missingText } from './shared/missing'

/** A workspace member id, or an array of ids when `multiple`. Paste matches names or ids. */
export const memberField: FieldBehaviour<'member'> = {
  type: 'member',
  computed: false,
  emptyValue: null,
  valueSchema: field => (field.options?.multiple
    ? { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } }
    : { type: 'string', minLength: 1 }),
  parseText,
  format: (value, _field, ctx) => memberNames(value, ctx.members, ctx.locale).join(listSeparator(ctx.locale)),
  compare: emptyLast(compareText),
  isEmpty: isEmptyValue,
  convertFrom: makeConvert<'member'>(parseText, null),
  queryKind: always('idSet'),
  exprType: field => (field.options?.multiple ? 'list' : 'text'),
  inputKind: input('choice'),
  editsStored: false,
  measure: null,
  filterKind: 'member',
  wide: false,
  palette: 'choice',
  inSubform: true,
  newOptions: noOptions,
}

/**
 * Names of the members in a member value. Without a member list ids stay ids (nothing to look
 * them up in); an id the list lacks shows a marked placeholder.
 */
export function memberNames(value: unknown, members: readonly Member[] | undefined, locale: Locale = 'zh-CN'): string[] {
  const ids = Array.isArray(value) ? value : value === null || value === undefined || value === '' ? [] : [value]
  if (!members) return ids.map(String)
  return ids.map(id => members.find(m => m.id === id)?.name ?? missingText('member', locale))
}

function parseText(text: string, field: FieldOf<'member'>, ctx?: ParseContext): ParseResult {
  const parts = splitList(text)
  if (parts.length === 0) return ok(null)
  if (!field.options?.multiple && parts.length > 1) return fail(`只能选择一位成员：「${text.trim()}」`, `only one member may be chosen: "${text.trim()}"`)
  const ids: string[] = []
  for (const part of parts) {
    const member = ctx?.members === undefined ? { id: part } : ctx.members.find(m => m.id === part || m.name === part)
    if (!member) return fail(`没有成员「${part}」`, `no member "${part}"`)
    if (!ids.includes(member.id)) ids.push(member.id)
  }
  return ok(field.options?.multiple ? ids : ids[0])
}

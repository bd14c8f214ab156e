import type { FieldBehaviour, ParseResult } from './behaviour'
import type { FieldOf } from '../schema/types'
import { compareByIndex, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { findOption, listSeparator, optionList, optionText, splitList } from './shared/choice'
import { fail, ok } from './shared/result'
import { always, input } from './shared/traits'
import { sampleChoices } from './shared/new-options'

/** Several options; stored as an array of option ids in option order. Paste splits on , ; 、 */
export const multiselectField: FieldBehaviour<'multiselect'> = {
  type: 'multiselect',
  computed: false,
  emptyValue: [],
  valueSchema: field => ({ type: 'array', uniqueItems: true, items: { type: 'string', enum: field.options.choices.map(c => c.id) } }),
  parseText,
  format: (value, field, ctx) => (Array.isArray(value)
    ? value.map(v => optionText(field.options.choices, v, ctx.locale)).join(listSeparator(ctx.locale))
    : ''),
  compare: (a, b, field) => {
    const byIndex = compareByIndex(field.options.choices.map(c => c.id))
    return emptyLast((x, y) => {
      const xs = x as unknown[]
      const ys = y as unknown[]
      for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
        const c = byIndex(xs[i], ys[i])
        if (c !== 0) return c
      }
      return xs.length - ys.length
    }, v => !Array.isArray(v) || v.length === 0)(a, b)
  },
  isEmpty: isEmptyValue,
  convertFrom: makeConvert<'multiselect'>(parseText, [], (value, _from, to) => {
    if (typeof value === 'string' && to.options.choices.some(c => c.id === value)) return ok([value])
    return undefined
  }),
  queryKind: always('idSet'),
  exprType: always('list'),
  inputKind: input('choice'),
  editsStored: false,
  measure: null,
  filterKind: 'select',
  wide: false,
  palette: 'choice',
  inSubform: false,
  newOptions: () => ({ choices: sampleChoices(3) }),
}

function parseText(text: string, field: FieldOf<'multiselect'>): ParseResult {
  const choices = field.options.choices
  const ids = new Set<string>()
  for (const part of splitList(text)) {
    const option = findOption(choices, part)
    if (!option) return fail(`没有选项「${part}」（可选：${optionList(choices)}）`, `no option "${part}" (options: ${optionList(choices)})`)
    ids.add(option.id)
  }
  return ok(choices.map(c => c.id).filter(id => ids.has(id)))
}

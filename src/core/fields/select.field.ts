import type { FieldBehaviour, ParseResult } from './behaviour'
import type { FieldOf } from '../schema/types'
import { compareByIndex, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { findOption, optionList, optionText } from './shared/choice'
import { fail, ok } from './shared/result'
import { OPTION_TRAITS } from './shared/traits'
import { sampleChoices } from './shared/new-options'

/** One option of a list; the stored value is the option id. Paste matches ids or labels in either locale. */
export const selectField: FieldBehaviour<'select'> = {
  type: 'select',
  computed: false,
  emptyValue: null,
  valueSchema: field => ({ type: 'string', enum: field.options.choices.map(c => c.id) }),
  parseText,
  format: (value, field, ctx) => (isEmptyValue(value) ? '' : optionText(field.options.choices, value, ctx.locale)),
  compare: (a, b, field) => emptyLast(compareByIndex(field.options.choices.map(c => c.id)))(a, b),
  isEmpty: isEmptyValue,
  convertFrom: makeConvert<'select'>(parseText, null, value => (Array.isArray(value) && value.length > 1
    ? fail('多个值无法转换为单选', 'several values cannot become a single choice')
    : undefined)),
  ...OPTION_TRAITS,
  newOptions: () => ({ choices: sampleChoices(3) }),
}

function parseText(text: string, field: FieldOf<'select'>): ParseResult {
  if (text.trim() === '') return ok(null)
  const option = findOption(field.options.choices, text)
  if (!option) return fail(`没有选项「${text.trim()}」（可选：${optionList(field.options.choices)}）`, `no option "${text.trim()}" (options: ${optionList(field.options.choices)})`)
  return ok(option.id)
}

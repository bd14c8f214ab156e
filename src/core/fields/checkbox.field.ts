import type { FieldBehaviour, ParseResult } from './behaviour'
import { parseBooleanText } from './shared/boolean-text'
import { compareNumbers, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { fail, ok } from './shared/result'
import { always, input } from './shared/traits'
import { noOptions } from './shared/new-options'

/** A yes/no box; unchecked is `false` (never empty, so `required` never fails on it). */
export const checkboxField: FieldBehaviour<'checkbox'> = {
  type: 'checkbox',
  computed: false,
  emptyValue: false,
  valueSchema: () => ({ type: 'boolean' }),
  parseText,
  format: (value, _field, ctx) => (typeof value !== 'boolean' ? '' : ctx.locale === 'zh-CN' ? (value ? '是' : '否') : (value ? 'Yes' : 'No')),
  compare: emptyLast((a, b) => compareNumbers(Number(a), Number(b))),
  isEmpty: isEmptyValue,
  convertFrom: makeConvert<'checkbox'>(parseText, false, value => (typeof value === 'number' ? ok(value !== 0) : undefined)),
  queryKind: always('bool'),
  exprType: always('boolean'),
  inputKind: input('bool'),
  editsStored: false,
  measure: null,
  filterKind: null,
  wide: false,
  palette: 'basic',
  inSubform: true,
  newOptions: noOptions,
}

function parseText(text: string): ParseResult {
  const b = parseBooleanText(text)
  return b === undefined ? fail(`「${text.trim()}」不是“是/否”`, `"${text.trim()}" is not yes/no`) : ok(b)
}

import type { FieldBehaviour } from './behaviour'
import { compareNumbers, emptyLast } from './shared/compare'
import { notConvertible } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { fail } from './shared/result'
import { PRESENCE_TRAITS } from './shared/traits'
import { newFieldId } from '../utils/id'

/**
 * Line items: an array of rows, each an object of values keyed by the subform's field ids
 * (plus an optional row id `_id`). The record validator checks rows against the sub-fields.
 */
export const subformField: FieldBehaviour<'subform'> = {
  type: 'subform',
  computed: false,
  emptyValue: [],
  valueSchema: () => ({ type: 'array', items: { type: 'object' } }),
  parseText: text => (text.trim() === ''
    ? { ok: true, value: [] }
    : fail('子表单不能通过粘贴文本填写', 'a subform cannot be pasted as text')),
  format: (value, _field, ctx) => {
    const n = Array.isArray(value) ? value.length : 0
    if (n === 0) return ''
    return ctx.locale === 'zh-CN' ? `${n} 行` : `${n} ${n === 1 ? 'row' : 'rows'}`
  },
  compare: emptyLast((a, b) => compareNumbers((a as unknown[]).length, (b as unknown[]).length)),
  isEmpty: isEmptyValue,
  convertFrom: notConvertible,
  ...PRESENCE_TRAITS,
  newOptions: () => ({ fields: [{ id: newFieldId(), type: 'text', label: { 'zh-CN': '明细', 'en': 'Item' } }] }),
}

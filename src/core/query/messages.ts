import type { FilterOp } from '../schema/filter'
import { assertNever } from '../utils/assert-never'
import { OP_LABELS } from './op-labels'
import type { LocalizedText } from './types'

/** Why a filter node is not (fully) usable. */
export type FilterIssueCode
  = | 'badNode' | 'unknownField' | 'notFilterable' | 'badOp' | 'badValue' | 'incomplete' | 'unknownOption'

/** Parameters interpolated into issue messages. */
export interface IssueParams { field?: LocalizedText, op?: string, expected?: LocalizedText, option?: string }

/** The zh-CN and en message of an issue. */
export function issueMessage(code: FilterIssueCode, p: IssueParams): LocalizedText {
  const zh = p.field?.['zh-CN'] ?? ''
  const en = p.field?.en ?? ''
  switch (code) {
    case 'badNode':
      return { 'zh-CN': '筛选条件格式不正确：应为条件或 and/or 条件组', 'en': 'Malformed filter: expected a condition or an and/or group' }
    case 'unknownField':
      return { 'zh-CN': `字段“${zh}”不存在（可能已被删除）`, 'en': `Field "${en}" does not exist (it may have been deleted)` }
    case 'notFilterable':
      return { 'zh-CN': `字段“${zh}”不能用于筛选`, 'en': `Field "${en}" cannot be filtered` }
    case 'badOp': {
      const op = p.op !== undefined && p.op in OP_LABELS ? OP_LABELS[p.op as FilterOp] : { 'zh-CN': p.op ?? '', 'en': p.op ?? '' }
      return { 'zh-CN': `字段“${zh}”不支持条件“${op['zh-CN']}”`, 'en': `Field "${en}" does not support the condition "${op.en}"` }
    }
    case 'badValue':
      return {
        'zh-CN': `字段“${zh}”的筛选值不正确，应为${p.expected?.['zh-CN'] ?? '有效值'}`,
        'en': `Invalid filter value for field "${en}": expected ${p.expected?.en ?? 'a valid value'}`,
      }
    case 'incomplete':
      return { 'zh-CN': `字段“${zh}”的条件未填写值，已忽略`, 'en': `The condition on field "${en}" has no value and is ignored` }
    case 'unknownOption':
      return { 'zh-CN': `字段“${zh}”没有选项“${p.option ?? ''}”`, 'en': `Field "${en}" has no option "${p.option ?? ''}"` }
    default:
      return assertNever(code, 'filter issue code')
  }
}

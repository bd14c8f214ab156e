import type { FilterOp } from '../schema/filter'
import { FILTER_OPS } from '../schema/filter'
import { labelText } from '../utils/label'
import type { QueryColumn } from './columns'
import { daySpanOf } from './dates'
import { isEmptyValue } from './empty'
import type { FilterIssueCode, IssueParams } from './messages'
import { isOpForKind } from './ops'
import type { LocalizedText, QueryKind } from './types'

/** One problem found in a condition, before it gets a path and a message. */
export interface ConditionProblem {
  code: FilterIssueCode
  severity: 'error' | 'warning'
  /** Which part of the condition is wrong. */
  part: 'field' | 'op' | 'value'
  params: IssueParams
}

/** Largest N accepted by lastNDays / nextNDays (about 100 years). */
export const MAX_RELATIVE_DAYS = 36_600

/**
 * Checks op and value of a condition on a resolved column. An error makes the condition
 * unusable; a warning (unknown option) does not; 'incomplete' means no value entered yet.
 */
export function checkCondition(column: QueryColumn, op: unknown, value: unknown): ConditionProblem[] {
  const field = fieldName(column)
  const problem = (code: FilterIssueCode, part: ConditionProblem['part'], extra: IssueParams = {}): ConditionProblem =>
    ({ code, severity: code === 'incomplete' ? 'warning' : 'error', part, params: { field, ...extra } })
  if (column.kind === 'none') return [problem('notFilterable', 'field')]
  if (typeof op !== 'string' || !(FILTER_OPS as readonly string[]).includes(op)) return [problem('badOp', 'op', { op: String(op) })]
  const fop = op as FilterOp
  if (!isOpForKind(fop, column.kind)) return [problem('badOp', 'op', { op })]
  const shape = valueShape(column.kind, fop, value)
  if (shape === 'incomplete') return [problem('incomplete', 'value')]
  if (shape !== 'ok') return [problem('badValue', 'value', { expected: shape })]
  return unknownOptions(column, fop, value).map(option => ({
    ...problem('unknownOption', 'value', { option }),
    severity: ORDER_OPS.has(fop) && column.kind === 'option' ? 'error' : 'warning',
  }))
}

const ORDER_OPS: ReadonlySet<FilterOp> = new Set<FilterOp>(['gt', 'gte', 'lt', 'lte', 'between'])
const NO_VALUE_OPS: ReadonlySet<FilterOp> = new Set<FilterOp>([
  'empty', 'notEmpty', 'today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth',
  'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear',
])

function valueShape(kind: QueryKind, op: FilterOp, value: unknown): 'ok' | 'incomplete' | LocalizedText {
  if (NO_VALUE_OPS.has(op)) return 'ok'
  if (isEmptyValue(value)) return 'incomplete'
  if (op === 'lastNDays' || op === 'nextNDays') {
    return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_RELATIVE_DAYS
      ? 'ok'
      : { 'zh-CN': `1 到 ${MAX_RELATIVE_DAYS} 之间的整数天数`, 'en': `a whole number of days from 1 to ${MAX_RELATIVE_DAYS}` }
  }
  const scalar = SCALARS[kind]
  if (op === 'between') {
    const ok = Array.isArray(value) && value.length === 2 && value.every(v => isEmptyValue(v) || scalar.test(v))
    if (!ok) return { 'zh-CN': `[起, 止] 两个${scalar.name['zh-CN']}`, 'en': `[from, to], each ${scalar.name.en}` }
    return value.every(isEmptyValue) ? 'incomplete' : 'ok'
  }
  const listOk = (v: unknown): boolean => Array.isArray(v) && v.every(scalar.test)
  if (op === 'in' || op === 'notIn' || (kind === 'idSet' && Array.isArray(value))) {
    return listOk(value) || scalar.test(value)
      ? 'ok'
      : { 'zh-CN': `${scalar.name['zh-CN']}列表`, 'en': `a list of ${scalar.name.en}` }
  }
  return scalar.test(value) ? 'ok' : scalar.name
}

interface Scalar { test: (v: unknown) => boolean, name: LocalizedText }

const isString = (v: unknown): boolean => typeof v === 'string'
const SCALARS: Readonly<Record<QueryKind, Scalar>> = {
  text: { test: v => typeof v === 'string' || typeof v === 'number', name: { 'zh-CN': '文本', 'en': 'text' } },
  number: { test: v => typeof v === 'number' && Number.isFinite(v), name: { 'zh-CN': '数字', 'en': 'a number' } },
  date: { test: v => daySpanOf(v) !== undefined, name: { 'zh-CN': '日期（YYYY-MM-DD）', 'en': 'a date (YYYY-MM-DD)' } },
  datetime: { test: v => daySpanOf(v) !== undefined, name: { 'zh-CN': '日期或时间', 'en': 'a date or date-time' } },
  option: { test: isString, name: { 'zh-CN': '选项', 'en': 'an option id' } },
  idSet: { test: isString, name: { 'zh-CN': '选项或成员', 'en': 'an option or member id' } },
  bool: { test: v => typeof v === 'boolean', name: { 'zh-CN': '是/否', 'en': 'true or false' } },
  presence: { test: () => false, name: { 'zh-CN': '无', 'en': 'nothing' } },
  generic: {
    test: v => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
    name: { 'zh-CN': '文本或数字', 'en': 'text or a number' },
  },
  none: { test: () => false, name: { 'zh-CN': '无', 'en': 'nothing' } },
}

function unknownOptions(column: QueryColumn, op: FilterOp, value: unknown): string[] {
  if (!column.options || NO_VALUE_OPS.has(op)) return []
  const known = new Set(column.options.map(o => o.id))
  const ids = Array.isArray(value) ? value : [value]
  return ids.filter((v): v is string => typeof v === 'string' && v !== '' && !known.has(v))
}

/** The field's label in each locale, or its id when it has none (system columns). */
export function fieldName(column: QueryColumn): LocalizedText {
  const label = column.field?.label
  return { 'zh-CN': labelText(label, 'zh-CN') || column.id, 'en': labelText(label, 'en') || column.id }
}

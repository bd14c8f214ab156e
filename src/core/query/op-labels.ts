import type { FilterOp } from '../schema/filter'
import type { LocalizedText } from './types'

/** How each filter op reads in a filter builder and in issue messages. */
export const OP_LABELS: Readonly<Record<FilterOp, LocalizedText>> = {
  eq: { 'zh-CN': '等于', 'en': 'is' },
  ne: { 'zh-CN': '不等于', 'en': 'is not' },
  gt: { 'zh-CN': '大于', 'en': 'greater than' },
  gte: { 'zh-CN': '大于等于', 'en': 'at least' },
  lt: { 'zh-CN': '小于', 'en': 'less than' },
  lte: { 'zh-CN': '小于等于', 'en': 'at most' },
  contains: { 'zh-CN': '包含', 'en': 'contains' },
  notContains: { 'zh-CN': '不包含', 'en': 'does not contain' },
  in: { 'zh-CN': '等于任意一个', 'en': 'is any of' },
  notIn: { 'zh-CN': '不等于任意一个', 'en': 'is none of' },
  empty: { 'zh-CN': '为空', 'en': 'is empty' },
  notEmpty: { 'zh-CN': '不为空', 'en': 'is not empty' },
  between: { 'zh-CN': '介于', 'en': 'between' },
  today: { 'zh-CN': '今天', 'en': 'today' },
  yesterday: { 'zh-CN': '昨天', 'en': 'yesterday' },
  thisWeek: { 'zh-CN': '本周', 'en': 'this week' },
  lastWeek: { 'zh-CN': '上周', 'en': 'last week' },
  thisMonth: { 'zh-CN': '本月', 'en': 'this month' },
  lastMonth: { 'zh-CN': '上月', 'en': 'last month' },
  thisQuarter: { 'zh-CN': '本季度', 'en': 'this quarter' },
  lastQuarter: { 'zh-CN': '上季度', 'en': 'last quarter' },
  thisYear: { 'zh-CN': '今年', 'en': 'this year' },
  lastYear: { 'zh-CN': '去年', 'en': 'last year' },
  lastNDays: { 'zh-CN': '过去 N 天', 'en': 'in the last N days' },
  nextNDays: { 'zh-CN': '未来 N 天', 'en': 'in the next N days' },
}

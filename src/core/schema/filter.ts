/**
 * The one filter language shared by grid views, widgets, visibility rules and batch edits.
 * `{ and: [...] }` or `{ or: [...] }` of conditions and nested groups.
 */

export type CompareOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'
export type TextOp = 'contains' | 'notContains'
export type SetOp = 'in' | 'notIn'
export type PresenceOp = 'empty' | 'notEmpty'
export type RangeOp = 'between'
/** Relative date ranges, evaluated against "now" at query time. */
export type RelativeDateOp
  = | 'today' | 'yesterday' | 'thisWeek' | 'lastWeek' | 'thisMonth' | 'lastMonth'
    | 'thisQuarter' | 'lastQuarter' | 'thisYear' | 'lastYear' | 'lastNDays' | 'nextNDays'

export type FilterOp = CompareOp | TextOp | SetOp | PresenceOp | RangeOp | RelativeDateOp

export const FILTER_OPS: readonly FilterOp[] = [
  'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'notContains', 'in', 'notIn', 'empty', 'notEmpty', 'between',
  'today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter',
  'thisYear', 'lastYear', 'lastNDays', 'nextNDays',
]

export interface Condition {
  /** A field id, or a system column: `_createdAt`, `_updatedAt`, `_id`. */
  field: string
  op: FilterOp
  /** eq..lte: a scalar; in/notIn: an array; between: [from, to]; lastNDays/nextNDays: N. */
  value?: unknown
}

export type FilterGroup = { and: FilterNode[] } | { or: FilterNode[] }
export type FilterNode = Condition | FilterGroup
export type Filter = FilterGroup

export function isGroup(node: FilterNode): node is FilterGroup {
  return 'and' in node || 'or' in node
}

import type { Condition, Filter, FilterGroup, FilterNode, FilterOp } from '../schema/filter'
import { isGroup } from '../schema/filter'
import { assertNever } from '../utils/assert-never'

/** How a group joins its items. */
export type Conjunction = 'and' | 'or'

/** The join word of a group. */
export function conjunctionOf(group: FilterGroup): Conjunction {
  return 'and' in group ? 'and' : 'or'
}

/** The items of a group. */
export function itemsOf(group: FilterGroup): FilterNode[] {
  return 'and' in group ? group.and : group.or
}

/** A group with the same join and new items. */
export function withItems(group: FilterGroup, items: FilterNode[]): FilterGroup {
  return conjunctionOf(group) === 'and' ? { and: items } : { or: items }
}

/** The same items joined the other way. */
export function withConjunction(group: FilterGroup, conj: Conjunction): FilterGroup {
  const items = itemsOf(group)
  return conj === 'and' ? { and: items } : { or: items }
}

/** An empty filter (matches every record). */
export function emptyFilter(): Filter {
  return { and: [] }
}

/** Number of conditions anywhere in the filter (for a "Filter (3)" badge). */
export function countConditions(node: FilterNode | undefined): number {
  if (!node) return 0
  if (!isGroup(node)) return 1
  return itemsOf(node).reduce((n, item) => n + countConditions(item), 0)
}

/** How an op takes its value: none, one value, a list, a [from, to] range, or a number of days. */
export type ValueShape = 'none' | 'single' | 'list' | 'range' | 'days'

const NO_VALUE: ReadonlySet<FilterOp> = new Set<FilterOp>([
  'empty', 'notEmpty', 'today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth',
  'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear',
])

/** The value shape an op expects (see Condition.value). */
export function valueShapeOf(op: FilterOp): ValueShape {
  if (NO_VALUE.has(op)) return 'none'
  if (op === 'in' || op === 'notIn') return 'list'
  if (op === 'between') return 'range'
  if (op === 'lastNDays' || op === 'nextNDays') return 'days'
  return 'single'
}

/** The starting value for an op's shape: 7 days, an empty list, an open range, or nothing. */
export function initialValue(op: FilterOp): unknown {
  const shape = valueShapeOf(op)
  switch (shape) {
    case 'days': return 7
    case 'list': return []
    case 'range': return [null, null]
    case 'single': case 'none': return undefined
    default: return assertNever(shape, 'value shape')
  }
}

/** The condition with another op; the value is kept when the new op takes the same shape. */
export function withOp(cond: Condition, op: FilterOp): Condition {
  const keep = valueShapeOf(cond.op) === valueShapeOf(op)
  const value = keep ? cond.value : initialValue(op)
  return value === undefined ? { field: cond.field, op } : { field: cond.field, op, value }
}

/**
 * The filter without conditions that still wait for a value and without empty groups, or
 * undefined when nothing is left (what a view stores).
 */
export function pruneFilter(filter: Filter | undefined): Filter | undefined {
  if (!filter) return undefined
  const pruned = pruneNode(filter)
  return pruned && isGroup(pruned) ? pruned : pruned ? { and: [pruned] } : undefined
}

function pruneNode(node: FilterNode): FilterNode | undefined {
  if (!isGroup(node)) return hasValue(node) ? node : undefined
  const items = itemsOf(node).map(pruneNode).filter((n): n is FilterNode => !!n)
  return items.length ? withItems(node, items) : undefined
}

function hasValue(cond: Condition): boolean {
  const v = cond.value
  const shape = valueShapeOf(cond.op)
  switch (shape) {
    case 'none': return true
    case 'list': return Array.isArray(v) && v.length > 0
    case 'range': return Array.isArray(v) && v.some(x => x !== null && x !== undefined && x !== '')
    case 'days': return typeof v === 'number' && v > 0
    case 'single': return v !== undefined && v !== null && v !== ''
    default: return assertNever(shape, 'value shape')
  }
}

/** Both filters must hold; either may be absent. */
export function andFilters(a: Filter | undefined, b: Filter | undefined): Filter | undefined {
  if (!a) return b
  if (!b) return a
  return { and: [a, b] }
}

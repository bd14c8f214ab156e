import type { FilterOp } from '../../schema/filter'
import { isEmptyValue } from '../empty'
import { foldCase, textCollator, textOf } from '../text'
import type { RecordPredicate } from '../types'
import type { Read } from './read'
import { toList } from './read'

/**
 * Text conditions (also used for lookups and untyped formulas): eq / ne / in / notIn and
 * contains / notContains ignore case; gt..between follow the text collation.
 */
export function compileTextCondition(read: Read, op: FilterOp, value: unknown): RecordPredicate {
  const folded = (r: Parameters<Read>[0]): string => foldCase(textOf(read(r)))
  switch (op) {
    case 'eq': { const want = foldCase(textOf(value)); return r => folded(r) === want }
    case 'ne': { const want = foldCase(textOf(value)); return r => folded(r) !== want }
    case 'contains': { const part = foldCase(textOf(value)); return r => folded(r).includes(part) }
    case 'notContains': { const part = foldCase(textOf(value)); return r => !folded(r).includes(part) }
    case 'in': { const set = new Set(toList(value).map(v => foldCase(textOf(v)))); return r => set.has(folded(r)) }
    case 'notIn': { const set = new Set(toList(value).map(v => foldCase(textOf(v)))); return r => !set.has(folded(r)) }
    case 'empty': return r => isEmptyValue(read(r))
    case 'notEmpty': return r => !isEmptyValue(read(r))
    case 'gt': case 'gte': case 'lt': case 'lte': case 'between':
      return compileTextOrder(read, op, value)
    default: return () => false
  }
}

function compileTextOrder(read: Read, op: FilterOp, value: unknown): RecordPredicate {
  const cmp = (r: Parameters<Read>[0], bound: string): number => textCollator.compare(textOf(read(r)), bound)
  const present = (r: Parameters<Read>[0]): boolean => textOf(read(r)) !== ''
  const bound = textOf(value)
  switch (op) {
    case 'gt': return r => present(r) && cmp(r, bound) > 0
    case 'gte': return r => present(r) && cmp(r, bound) >= 0
    case 'lt': return r => present(r) && cmp(r, bound) < 0
    case 'lte': return r => present(r) && cmp(r, bound) <= 0
    default: {
      let [from, to] = toList(value).map(v => (isEmptyValue(v) ? undefined : textOf(v)))
      if (from !== undefined && to !== undefined && textCollator.compare(from, to) > 0) [from, to] = [to, from]
      return r => present(r) && (from === undefined || cmp(r, from) >= 0) && (to === undefined || cmp(r, to) <= 0)
    }
  }
}

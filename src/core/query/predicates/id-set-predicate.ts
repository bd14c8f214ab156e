import type { FilterOp } from '../../schema/filter'
import type { RecordPredicate } from '../types'
import type { Read } from './read'
import { toIds } from './read'

/**
 * Multiselect / member / relation conditions over sets of ids (a single id counts as a set of one):
 * eq = exactly the same set; contains = has every given id; in = has any; notIn = has none.
 * ne and notContains are the negations of eq and contains.
 */
export function compileIdSetCondition(read: Read, op: FilterOp, value: unknown, expand: (ids: string[]) => string[]): RecordPredicate {
  const want = expand(toIds(value))
  const wantSet = new Set(want)
  const ids = (r: Parameters<Read>[0]): string[] => toIds(read(r))
  const same = (r: Parameters<Read>[0]): boolean => {
    const have = new Set(ids(r))
    return have.size === wantSet.size && want.every(id => have.has(id))
  }
  const hasAll = (r: Parameters<Read>[0]): boolean => { const have = ids(r); return want.every(id => have.includes(id)) }
  const hasAny = (r: Parameters<Read>[0]): boolean => ids(r).some(id => wantSet.has(id))
  switch (op) {
    case 'eq': return same
    case 'ne': return r => !same(r)
    case 'contains': return hasAll
    case 'notContains': return r => !hasAll(r)
    case 'in': return hasAny
    case 'notIn': return r => !hasAny(r)
    case 'empty': return r => ids(r).length === 0
    case 'notEmpty': return r => ids(r).length > 0
    default: return () => false
  }
}

import type { FilterOp } from '../../schema/filter'
import { isEmptyValue } from '../empty'
import type { QueryOption, RecordPredicate } from '../types'
import type { Read } from './read'
import { toList } from './read'

/**
 * Select / stage conditions: eq, ne, in, notIn compare option ids; gt..between compare the
 * options' positions ("stage at or beyond S3"). Values that are not a current option never
 * satisfy an order comparison.
 */
export function compileOptionCondition(read: Read, op: FilterOp, value: unknown, options: readonly QueryOption[]): RecordPredicate {
  const position = new Map(options.map((o, i) => [o.id, i]))
  const pos = (v: unknown): number => (typeof v === 'string' ? position.get(v) ?? Number.NaN : Number.NaN)
  const at = (r: Parameters<Read>[0]): number => pos(read(r))
  switch (op) {
    case 'eq': return r => read(r) === value
    case 'ne': return r => read(r) !== value
    case 'in': { const set = new Set(toList(value)); return r => set.has(read(r)) }
    case 'notIn': { const set = new Set(toList(value)); return r => !set.has(read(r)) }
    case 'empty': return r => isEmptyValue(read(r))
    case 'notEmpty': return r => !isEmptyValue(read(r))
    case 'gt': { const p = pos(value); return r => at(r) > p }
    case 'gte': { const p = pos(value); return r => at(r) >= p }
    case 'lt': { const p = pos(value); return r => at(r) < p }
    case 'lte': { const p = pos(value); return r => at(r) <= p }
    case 'between': {
      const [a, b] = toList(value).map(v => (isEmptyValue(v) ? undefined : pos(v)))
      const lo = a === undefined ? -Infinity : b === undefined ? a : Math.min(a, b)
      const hi = b === undefined ? Infinity : a === undefined ? b : Math.max(a, b)
      return (r) => { const p = at(r); return p >= lo && p <= hi }
    }
    default: return () => false
  }
}

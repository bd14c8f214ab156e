import type { FilterOp } from '../../schema/filter'
import type { RecordPredicate } from '../types'
import type { Read } from './read'
import { toList } from './read'

/** A stored number, or NaN when empty / not a number (so every comparison is false). */
export function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN
}

/** Number conditions. Empty values match only ne, notIn and empty. between is inclusive, either end may be open. */
export function compileNumberCondition(read: Read, op: FilterOp, value: unknown): RecordPredicate {
  const num = (r: Parameters<Read>[0]): number => numberOf(read(r))
  const x = numberOf(value)
  switch (op) {
    case 'eq': return r => num(r) === x
    case 'ne': return r => num(r) !== x
    case 'gt': return r => num(r) > x
    case 'gte': return r => num(r) >= x
    case 'lt': return r => num(r) < x
    case 'lte': return r => num(r) <= x
    case 'in': { const set = new Set(toList(value)); return r => set.has(num(r)) }
    case 'notIn': { const set = new Set(toList(value)); return r => !set.has(num(r)) }
    case 'empty': return r => Number.isNaN(num(r))
    case 'notEmpty': return r => !Number.isNaN(num(r))
    case 'between': {
      const [a, b] = toList(value).map(v => (typeof v === 'number' ? v : Number.NaN))
      const lo = Number.isNaN(a!) ? -Infinity : Number.isNaN(b!) ? a! : Math.min(a!, b!)
      const hi = Number.isNaN(b!) ? Infinity : Number.isNaN(a!) ? b! : Math.max(a!, b!)
      return (r) => { const v = num(r); return v >= lo && v <= hi }
    }
    default: return () => false
  }
}

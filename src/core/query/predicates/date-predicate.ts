import type { FilterOp } from '../../schema/filter'
import type { DayRange } from '../dates'
import { dayOfValue, daySpanOf, localMidnight, msOfValue, msSpanOf } from '../dates'
import { isRelativeDateOp, relativeDayRange } from '../relative-dates'
import type { QueryEnv, RecordPredicate } from '../types'
import type { Read } from './read'
import { toList } from './read'

/**
 * Date conditions. `date` columns compare calendar days, `datetime` columns instants.
 * A condition value 'YYYY-MM-DD' (or 'YYYY-MM', 'YYYY') names whole local days, so on a
 * datetime column eq '2024-03-01' matches any time that day and gt means "after that day".
 * Relative ops cover whole local calendar days computed from env.now.
 */
export function compileDateCondition(read: Read, op: FilterOp, value: unknown, env: QueryEnv, instants: boolean): RecordPredicate {
  const axis = instants ? msOfValue : dayOfValue
  const at = (r: Parameters<Read>[0]): number => axis(read(r))
  const spanOf = (v: unknown): DayRange | undefined => (instants ? msSpanOf(v) : daySpanOf(v))
  if (isRelativeDateOp(op)) {
    const days = relativeDayRange(op, env.now, env.weekStartsOn ?? 1, typeof value === 'number' ? value : 1)
    const { start, end } = instants ? { start: localMidnight(days.start), end: localMidnight(days.end) } : days
    return (r) => { const v = at(r); return v >= start && v < end }
  }
  if (op === 'empty') return r => Number.isNaN(at(r))
  if (op === 'notEmpty') return r => !Number.isNaN(at(r))
  if (op === 'between') {
    const [a, b] = toList(value).map(spanOf)
    const lo = a && b ? Math.min(a.start, b.start) : a ? a.start : -Infinity
    const hi = a && b ? Math.max(a.end, b.end) : b ? b.end : Infinity
    return (r) => { const v = at(r); return v >= lo && v < hi }
  }
  const span = spanOf(value)
  if (!span) return () => false
  const { start, end } = span
  switch (op) {
    case 'eq': return (r) => { const v = at(r); return v >= start && v < end }
    case 'ne': return (r) => { const v = at(r); return !(v >= start && v < end) }
    case 'gt': return r => at(r) >= end
    case 'gte': return r => at(r) >= start
    case 'lt': return r => at(r) < start
    case 'lte': return r => at(r) < end
    default: return () => false
  }
}

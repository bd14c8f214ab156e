import type { FilterOp } from '../../schema/filter'
import { isEmptyValue } from '../empty'
import type { RecordPredicate } from '../types'
import type { Read } from './read'

/** Checkbox conditions: only `true` is checked; empty = unchecked, notEmpty = checked. */
export function compileBoolCondition(read: Read, op: FilterOp, value: unknown): RecordPredicate {
  const checked = (r: Parameters<Read>[0]): boolean => read(r) === true
  switch (op) {
    case 'eq': return r => checked(r) === value
    case 'ne': return r => checked(r) !== value
    case 'empty': return r => !checked(r)
    case 'notEmpty': return checked
    default: return () => false
  }
}

/** Attachment / image / subform conditions: only empty and notEmpty. */
export function compilePresenceCondition(read: Read, op: FilterOp): RecordPredicate {
  switch (op) {
    case 'empty': return r => isEmptyValue(read(r))
    case 'notEmpty': return r => !isEmptyValue(read(r))
    default: return () => false
  }
}

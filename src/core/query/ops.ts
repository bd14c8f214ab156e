import type { FilterOp, RelativeDateOp } from '../schema/filter'
import type { FieldDef } from '../schema/types'
import { kindOfField } from './field-kind'
import type { QueryKind } from './types'

const ORDER: readonly FilterOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between']
const SET: readonly FilterOp[] = ['in', 'notIn']
const TEXT: readonly FilterOp[] = ['contains', 'notContains']
const PRESENCE: readonly FilterOp[] = ['empty', 'notEmpty']
const RELATIVE: readonly RelativeDateOp[] = [
  'today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth',
  'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear', 'lastNDays', 'nextNDays',
]

/** True for the ops whose range moves with "now" (this week, the last N days …). */
export function isRelativeDateOp(op: FilterOp): op is RelativeDateOp {
  return (RELATIVE as readonly FilterOp[]).includes(op)
}

/**
 * The ops each kind accepts. Select and stage fields also order by option position
 * (gt/lt/between: "at or beyond stage S3"); dates take no in/notIn (use between).
 */
export const OPS_BY_KIND: Readonly<Record<QueryKind, readonly FilterOp[]>> = {
  text: [...ORDER, ...TEXT, ...SET, ...PRESENCE],
  number: [...ORDER, ...SET, ...PRESENCE],
  date: [...ORDER, ...PRESENCE, ...RELATIVE],
  datetime: [...ORDER, ...PRESENCE, ...RELATIVE],
  option: [...ORDER, ...SET, ...PRESENCE],
  idSet: ['eq', 'ne', ...TEXT, ...SET, ...PRESENCE],
  bool: ['eq', 'ne', ...PRESENCE],
  presence: PRESENCE,
  generic: ['eq', 'ne', ...TEXT, ...SET, ...PRESENCE],
  none: [],
}

/** The filter ops a filter builder should offer for a field. */
export function opsForField(field: FieldDef): readonly FilterOp[] {
  return OPS_BY_KIND[kindOfField(field)]
}

/** True when the op is valid for the kind. */
export function isOpForKind(op: FilterOp, kind: QueryKind): boolean {
  return OPS_BY_KIND[kind].includes(op)
}

import type { FieldBehaviour } from '../behaviour'
import { memberNames } from '../member.field'
import { compareCodeUnits, compareNumbers, emptyLast } from './compare'
import { computedBehaviour } from './computed'
import { listSeparator } from './choice'
import { formatLocalDateTime } from './date-text'
import { noOptionsOf } from './new-options'
import { always, input } from './traits'

/** createdAt / updatedAt columns: the record's epoch-ms times, shown as local date and time. */
export function systemTimeBehaviour<T extends 'createdAt' | 'updatedAt'>(type: T): FieldBehaviour<T> {
  return computedBehaviour(type, {
    valueSchema: () => ({ type: 'number', minimum: 0 }),
    format: value => (typeof value === 'number' || typeof value === 'string' ? formatLocalDateTime(value) : ''),
    compare: emptyLast((a, b) => (typeof a === 'number' && typeof b === 'number' ? compareNumbers(a, b) : compareCodeUnits(a, b))),
    queryKind: always('datetime'),
    exprType: always('date'),
    inputKind: input('readonly', 'date'),
    measure: 'date',
    filterKind: 'dateRange',
    palette: 'system',
    newOptions: noOptionsOf<T>(),
  })
}

/** createdBy / updatedBy columns: the member who made the change, shown by name. */
export function systemMemberBehaviour<T extends 'createdBy' | 'updatedBy'>(type: T): FieldBehaviour<T> {
  return computedBehaviour(type, {
    valueSchema: () => ({ type: 'string' }),
    format: (value, _field, ctx) => memberNames(value, ctx.members, ctx.locale).join(listSeparator(ctx.locale)),
    queryKind: always('idSet'),
    exprType: always('text'),
    inputKind: input('readonly', 'choice'),
    filterKind: 'member',
    palette: 'system',
    newOptions: noOptionsOf<T>(),
  })
}

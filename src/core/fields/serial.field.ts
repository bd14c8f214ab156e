import type { FieldBehaviour } from './behaviour'
import { computedBehaviour } from './shared/computed'
import { always, input } from './shared/traits'

/** An auto number such as "HT-2024-0001", assigned once when a record is created; read-only. */
export const serialField: FieldBehaviour<'serial'> = computedBehaviour('serial', {
  valueSchema: () => ({ type: 'string' }),
  queryKind: always('text'),
  exprType: always('text'),
  palette: 'advanced',
  inputKind: input('readonly', 'text'),
  newOptions: () => ({ pattern: 'No-{yyyyMMdd}-{0000}' }),
})

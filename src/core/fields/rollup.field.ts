import type { FieldBehaviour } from './behaviour'
import { compareNumbers, emptyLast } from './shared/compare'
import { computedBehaviour } from './shared/computed'
import { always, input } from './shared/traits'
import { firstLink } from './shared/new-options'

/** An aggregate (sum, count, avg, min, max) over the linked records; a read-only number. */
export const rollupField: FieldBehaviour<'rollup'> = computedBehaviour('rollup', {
  valueSchema: () => ({ type: 'number' }),
  compare: emptyLast(compareNumbers),
  queryKind: always('number'),
  exprType: field => (field.options.fn === 'min' || field.options.fn === 'max' ? 'any' : 'number'),
  palette: 'advanced',
  inputKind: input('readonly', 'number'),
  measure: 'number',
  newOptions: ctx => ({ relationField: firstLink(ctx).relationField, fn: 'count' }),
})

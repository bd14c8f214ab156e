import type { FieldBehaviour } from './behaviour'
import { compareNumbers, emptyLast } from './shared/compare'
import { computedBehaviour } from './shared/computed'

/** An aggregate (sum, count, avg, min, max) over the linked records; a read-only number. */
export const rollupField: FieldBehaviour<'rollup'> = computedBehaviour('rollup', {
  valueSchema: () => ({ type: 'number' }),
  compare: emptyLast(compareNumbers),
})

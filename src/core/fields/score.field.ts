import type { FieldBehaviour } from './behaviour'
import { compareNumbers, emptyLast } from './shared/compare'
import { computedBehaviour } from './shared/computed'
import { formatAny } from './shared/format-any'
import { always, input } from './shared/traits'

/** A lead score: the points of the rules that hold plus learned points (core/scoring); a read-only whole number. */
export const scoreField: FieldBehaviour<'score'> = computedBehaviour('score', {
  valueSchema: () => ({ type: 'number' }),
  format: (value, _field, ctx) => formatAny(value, ctx.locale, 0),
  compare: emptyLast(compareNumbers),
  queryKind: always('number'),
  exprType: always('number'),
  palette: 'advanced',
  inputKind: input('readonly', 'number'),
  measure: 'number',
  newOptions: () => ({ rules: [] }),
})

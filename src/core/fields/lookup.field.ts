import type { FieldBehaviour } from './behaviour'
import { computedBehaviour } from './shared/computed'
import { formatAny } from './shared/format-any'
import { always, input } from './shared/traits'
import { firstLink } from './shared/new-options'

/** Values of a field of the linked records (through `relationField`); read-only. Shown as the source field shows them when the context can say how. */
export const lookupField: FieldBehaviour<'lookup'> = computedBehaviour('lookup', {
  format: (value, field, ctx) => ctx.formatLookup?.(value, field) ?? formatAny(value, ctx.locale),
  queryKind: always('generic'),
  exprType: always('any'),
  palette: 'advanced',
  inputKind: input('readonly', 'text'),
  measure: 'number',
  newOptions: firstLink,
})

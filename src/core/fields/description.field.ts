import type { FieldBehaviour } from './behaviour'
import { computedBehaviour } from './shared/computed'
import { noOptions } from './shared/new-options'
import { always } from './shared/traits'

/** Explanatory text in the form layout; holds no value. */
export const descriptionField: FieldBehaviour<'description'> = computedBehaviour('description', {
  valueSchema: () => false,
  format: () => '',
  queryKind: always('none'),
  exprType: always('any'),
  wide: true,
  palette: 'layout',
  newOptions: noOptions,
})

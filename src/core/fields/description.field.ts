import type { FieldBehaviour } from './behaviour'
import { computedBehaviour } from './shared/computed'

/** Explanatory text in the form layout; holds no value. */
export const descriptionField: FieldBehaviour<'description'> = computedBehaviour('description', {
  valueSchema: () => false,
  format: () => '',
})

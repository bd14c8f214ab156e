import type { FieldBehaviour } from './behaviour'
import { computedBehaviour } from './shared/computed'

/** A visual divider in the form layout; holds no value. */
export const separatorField: FieldBehaviour<'separator'> = computedBehaviour('separator', {
  valueSchema: () => false,
  format: () => '',
})

import type { FieldBehaviour } from './behaviour'
import { formatNumber } from './shared/number-format'
import { numeric } from './shared/numeric'

/**
 * A percentage stored as the number shown: 25 means 25 % (like stage probabilities, 0..100).
 * "25%" and "25" both paste as 25.
 */
export const percentField: FieldBehaviour<'percent'> = numeric('percent', 'keep', (n, field) =>
  `${formatNumber(n, { precision: field.options?.precision })}%`)

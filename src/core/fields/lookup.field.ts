import type { FieldBehaviour } from './behaviour'
import { computedBehaviour } from './shared/computed'

/** Values of a field of the linked records (through `relationField`); read-only. */
export const lookupField: FieldBehaviour<'lookup'> = computedBehaviour('lookup')

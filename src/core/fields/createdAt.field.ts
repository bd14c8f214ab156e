import type { FieldBehaviour } from './behaviour'
import { systemTimeBehaviour } from './shared/system'

/** System column: when the record was created (epoch ms); read-only. */
export const createdAtField: FieldBehaviour<'createdAt'> = systemTimeBehaviour('createdAt')

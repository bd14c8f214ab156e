import type { FieldBehaviour } from './behaviour'
import { systemTimeBehaviour } from './shared/system'

/** System column: when the record was updated (epoch ms); read-only. */
export const updatedAtField: FieldBehaviour<'updatedAt'> = systemTimeBehaviour('updatedAt')

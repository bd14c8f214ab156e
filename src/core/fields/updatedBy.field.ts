import type { FieldBehaviour } from './behaviour'
import { systemMemberBehaviour } from './shared/system'

/** System column: the member who updated the record; read-only. */
export const updatedByField: FieldBehaviour<'updatedBy'> = systemMemberBehaviour('updatedBy')

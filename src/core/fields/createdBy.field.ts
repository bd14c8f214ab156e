import type { FieldBehaviour } from './behaviour'
import { systemMemberBehaviour } from './shared/system'

/** System column: the member who created the record; read-only. */
export const createdByField: FieldBehaviour<'createdBy'> = systemMemberBehaviour('createdBy')

import type { FieldBehaviour } from './behaviour'
import { filesBehaviour } from './shared/files'

/** Uploaded files: an array of { id, name, size?, mime?, key? }. */
export const attachmentField: FieldBehaviour<'attachment'> = filesBehaviour('attachment')

import type { FieldBehaviour } from './behaviour'
import { filesBehaviour } from './shared/files'

/** Uploaded images: an array of { id, name, size?, mime?, key? }. */
export const imageField: FieldBehaviour<'image'> = filesBehaviour('image')

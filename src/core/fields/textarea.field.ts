import type { FieldBehaviour } from './behaviour'
import { textLike } from './shared/text-like'

/** Multi-line text; line breaks are kept (CRLF becomes LF). */
export const textareaField: FieldBehaviour<'textarea'> = textLike('textarea', field => ({
  type: 'string',
  ...(field.options?.maxLength === undefined ? {} : { maxLength: field.options.maxLength }),
}), true)

import type { FieldBehaviour } from './behaviour'
import { textLike } from './shared/text-like'

/** An email address (ajv-formats `email`). */
export const emailField: FieldBehaviour<'email'> = textLike('email', () => ({ type: 'string', format: 'email' }))

import type { FieldBehaviour } from './behaviour'
import { PHONE_PATTERN, textLike } from './shared/text-like'

/** A phone number: digits with optional +, spaces, dashes and parentheses. */
export const phoneField: FieldBehaviour<'phone'> = textLike('phone', () => ({ type: 'string', pattern: PHONE_PATTERN }))

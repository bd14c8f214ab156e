import type { FieldBehaviour } from './behaviour'
import { PHONE_PATTERN, textLike, URL_PATTERN } from './shared/text-like'

/** Single-line text, optionally checked as email, phone, URL or a custom pattern. */
export const textField: FieldBehaviour<'text'> = textLike('text', (field) => {
  const o = field.options ?? {}
  const schema: Record<string, unknown> = { type: 'string' }
  if (o.maxLength !== undefined) schema.maxLength = o.maxLength
  if (o.format === 'email') schema.format = 'email'
  if (o.format === 'phone') schema.pattern = PHONE_PATTERN
  if (o.format === 'url') schema.pattern = URL_PATTERN
  if (o.format === 'regex' && o.pattern !== undefined && isValidPattern(o.pattern)) schema.pattern = o.pattern
  return schema
})

/** True when a user pattern compiles the way ajv compiles it (unicode mode). */
export function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u')
    return true
  }
  catch {
    return false
  }
}

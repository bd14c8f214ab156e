import type { FieldDef } from '../schema/types'
import type { PatternVerdict } from '../utils/safe-pattern'
import type { FieldBehaviour } from './behaviour'
import { checkPattern } from '../utils/safe-pattern'
import { PHONE_PATTERN, textLike, URL_PATTERN } from './shared/text-like'

/** Single-line text, optionally checked as email, phone, URL or a custom pattern. */
export const textField: FieldBehaviour<'text'> = textLike('text', (field) => {
  const o = field.options ?? {}
  const schema: Record<string, unknown> = { type: 'string' }
  if (o.maxLength !== undefined) schema.maxLength = o.maxLength
  if (o.format === 'email') schema.format = 'email'
  if (o.format === 'phone') schema.pattern = PHONE_PATTERN
  if (o.format === 'url') schema.pattern = URL_PATTERN
  // A pattern that could backtrack catastrophically is never run: the rule is off until fixed.
  const rule = patternRule(field)
  if (rule?.verdict.ok === true) schema.pattern = rule.pattern
  return schema
})

/** A text field's own pattern rule and whether it may run; undefined when the field has none. */
export function patternRule(field: FieldDef): { pattern: string, verdict: PatternVerdict } | undefined {
  if (field.type !== 'text' || field.options?.format !== 'regex' || field.options.pattern === undefined) return undefined
  return { pattern: field.options.pattern, verdict: checkPattern(field.options.pattern) }
}

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

/**
 * Colours come from documents (apps, select and stage options, members) that a backup or a
 * template can carry, and end up in inline styles: a "colour" such as `url(//host/x)` would
 * make the page fetch from that host. common.schema.json's `$defs/color` refuses anything
 * but a colour when a document is loaded; this is the same check where a colour is drawn.
 */
import commonSchema from '../../../schemas/common.schema.json'

/** The schema's colour pattern: the one definition of what counts as a colour. */
export const COLOR_PATTERN: string = commonSchema.$defs.color.pattern
const COLOR = new RegExp(COLOR_PATTERN, 'u')
const MAX_LENGTH: number = commonSchema.$defs.color.maxLength

/** True for a CSS colour the schema accepts (hex, numeric rgb()/hsl(), a named colour). */
export function isSafeColor(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_LENGTH && COLOR.test(value)
}

/** `value` when it is a safe colour, otherwise undefined (so the style falls back). */
export function safeColor(value: unknown): string | undefined {
  return isSafeColor(value) ? value : undefined
}

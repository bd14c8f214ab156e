import type { Label, Locale } from '../schema/types'

/** The text of a label in a locale, falling back to the other locale, then to ''. */
export function labelText(label: Label | undefined, locale: Locale): string {
  if (label === undefined) return ''
  if (typeof label === 'string') return label
  return label[locale] ?? label['zh-CN'] ?? label.en ?? ''
}

/** Editing one locale of a Label: plain strings become per-locale objects once both are set. */
import type { Label, Locale } from '@/core/schema/types'
import { isSampleTranslation } from '@/core/fields'

/** The text of a label in exactly this locale (a plain string counts as Chinese). */
export function labelIn(label: Label | undefined, locale: Locale): string {
  if (label === undefined) return ''
  if (typeof label === 'string') return locale === 'zh-CN' ? label : ''
  return label[locale] ?? ''
}

/**
 * The label with one locale's text replaced; an empty English text is dropped. A translation
 * the app filled in (选项1 / Option 1) was never set by anyone: renaming either side drops it,
 * so the other language follows the new name instead of keeping "Option 1".
 */
export function withLabel(label: Label | undefined, locale: Locale, text: string): Label {
  if (text !== '' && isSampleTranslation(labelIn(label, 'zh-CN'), labelIn(label, 'en'))) return text
  const zh = locale === 'zh-CN' ? text : labelIn(label, 'zh-CN')
  const en = locale === 'en' ? text : labelIn(label, 'en')
  if (!en) return zh
  return { ...(zh ? { 'zh-CN': zh } : {}), en }
}

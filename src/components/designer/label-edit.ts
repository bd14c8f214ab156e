/** Editing one locale of a Label: plain strings become per-locale objects once both are set. */
import type { Label, Locale } from '@/core/schema/types'

/** The text of a label in exactly this locale (a plain string counts as Chinese). */
export function labelIn(label: Label | undefined, locale: Locale): string {
  if (label === undefined) return ''
  if (typeof label === 'string') return locale === 'zh-CN' ? label : ''
  return label[locale] ?? ''
}

/** The label with one locale's text replaced; an empty English text is dropped. */
export function withLabel(label: Label | undefined, locale: Locale, text: string): Label {
  const zh = locale === 'zh-CN' ? text : labelIn(label, 'zh-CN')
  const en = locale === 'en' ? text : labelIn(label, 'en')
  if (!en) return zh
  return { ...(zh ? { 'zh-CN': zh } : {}), en }
}

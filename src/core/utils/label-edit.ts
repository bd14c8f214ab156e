/**
 * Editing a Label as a user sees it: one name, plus an optional translation for the other UI
 * language. A plain string is one name for both languages; `{ 'zh-CN', en }` holds a translation.
 * A translation nobody set (the app's 选项1 / Option 1, a sample stage, a type name) is not kept
 * when the name changes, so the other language follows the new name instead of a stale default.
 */
import type { Label, Locale } from '../schema/types'
import { isSampleTranslation } from '../fields/shared/new-options'
import { labelText } from './label'

/** True when a zh/en pair was filled in by the app, not by a person. */
export type SamplePair = (zh: string, en: string) => boolean

/** The UI language that is not `locale`. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'zh-CN' ? 'en' : 'zh-CN'
}

/** What a label input shows in `locale`: the name there, and the other language's own translation ('' when it follows the name). */
export function labelParts(label: Label | undefined, locale: Locale, isSample: SamplePair = isSampleTranslation): { name: string, translation: string } {
  const name = labelText(label, locale)
  if (label === undefined || typeof label === 'string') return { name, translation: '' }
  const own = label[locale]
  const other = label[otherLocale(locale)] ?? ''
  // One language only (the other follows it), the same text twice, or the app's default pair.
  if (own === undefined || other === '' || own === other || isSample(label['zh-CN'] ?? '', label.en ?? '')) return { name, translation: '' }
  return { name, translation: other }
}

/** A label from a name in `locale` and the other language's translation: a plain string when there is no distinct translation. */
function compose(locale: Locale, name: string, translation: string): Label {
  if (translation === '' || translation === name) return name
  return locale === 'zh-CN' ? { 'zh-CN': name, 'en': translation } : { 'zh-CN': translation, 'en': name }
}

/** The label renamed to `text` in `locale`; a translation someone set for the other language is kept. */
export function editLabel(label: Label | undefined, locale: Locale, text: string, isSample: SamplePair = isSampleTranslation): Label {
  return compose(locale, text, labelParts(label, locale, isSample).translation)
}

/**
 * The label with `locale`'s own translation set to `text` (the name stays as shown in the other
 * language); an empty translation makes `locale` follow the name again.
 */
export function setTranslation(label: Label | undefined, locale: Locale, text: string, isSample: SamplePair = isSampleTranslation): Label {
  const from = otherLocale(locale)
  // Blank means no translation; otherwise the text is kept as typed (a live input must not lose its trailing space).
  return compose(from, labelParts(label, from, isSample).name, text.trim() === '' ? '' : text)
}

/** The label with spaces trimmed from each text, as saved by a name dialog (a translation equal to the name goes). */
export function trimLabel(label: Label): Label {
  if (typeof label === 'string') return label.trim()
  const zh = label['zh-CN']?.trim() ?? ''
  const en = label.en?.trim() ?? ''
  if (zh === '' || en === '' || zh === en) return zh || en
  return { 'zh-CN': zh, en }
}

import type { Label, Locale, SelectOption } from '../../schema/types'
import { labelText } from '../../utils/label'
import { missingText } from './missing'

/** Splits a multi-value cell on , ; 、 ， ； and newlines; trims and drops empty parts. */
export function splitList(text: string): string[] {
  return text.split(/[,;、，；\n]/).map(s => s.trim()).filter(s => s !== '')
}

/** Finds an option by id, then by its label in either locale (case-insensitive). */
export function findOption<T extends SelectOption>(options: readonly T[], text: string): T | undefined {
  const s = text.trim()
  const byId = options.find(o => o.id === s)
  if (byId) return byId
  const lower = s.toLowerCase()
  return options.find(o => labelsOf(o.label).some(l => l.toLowerCase() === lower))
}

function labelsOf(label: Label): string[] {
  if (typeof label === 'string') return [label.trim()]
  return [label['zh-CN'], label.en].filter((l): l is string => typeof l === 'string').map(l => l.trim())
}

/**
 * The label of the option with this id in a locale (`removed`: options deleted from the field
 * but still named, such as removed stages); a deleted option shows a marked placeholder.
 */
export function optionText(options: readonly SelectOption[], id: unknown, locale: Locale, removed: readonly SelectOption[] = []): string {
  const o = options.find(opt => opt.id === id) ?? removed.find(opt => opt.id === id)
  return o ? labelText(o.label, locale) || missingText('untitled', locale) : missingText('option', locale)
}

/** The list separator used when formatting several values. */
export function listSeparator(locale: Locale): string {
  return locale === 'zh-CN' ? '、' : ', '
}

/** Option labels for an error message, at most 10. */
export function optionList(options: readonly SelectOption[]): string {
  const names = options.slice(0, 10).map(o => labelText(o.label, 'zh-CN') || o.id)
  return names.join(', ') + (options.length > 10 ? ', …' : '')
}

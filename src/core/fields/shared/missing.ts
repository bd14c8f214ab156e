import type { Locale } from '../../schema/types'

/**
 * Why a stored value cannot be shown as people know it: the linked record was deleted, the
 * option or stage was removed from the field, the member left the workspace, the lookup's
 * source field is gone, or the linked record has no title.
 */
export type MissingCause = 'record' | 'option' | 'member' | 'source' | 'untitled'

const TEXT: Readonly<Record<MissingCause, Readonly<Record<Locale, string>>>> = {
  record: { 'zh-CN': '〔关联记录已删除〕', 'en': '[linked record deleted]' },
  option: { 'zh-CN': '〔选项已删除〕', 'en': '[option deleted]' },
  member: { 'zh-CN': '〔成员已移除〕', 'en': '[member removed]' },
  source: { 'zh-CN': '〔查找来源已删除〕', 'en': '[lookup source deleted]' },
  untitled: { 'zh-CN': '〔无标题〕', 'en': '[untitled]' },
}

/** The text shown while a linked form's records are still loading. */
export const LOADING_TEXT = '…'

/**
 * The marked placeholder shown instead of a value that cannot be formatted (never an internal
 * id, never a blank): bracketed, naming the cause.
 */
export function missingText(cause: MissingCause, locale: Locale): string {
  return TEXT[cause][locale]
}

const ALL = new Set(Object.values(TEXT).flatMap(t => Object.values(t)))

/** True when a formatted text is (or contains, in a list) such a placeholder, so a view can mark it. */
export function hasMissingText(text: string): boolean {
  for (const t of ALL) if (text.includes(t)) return true
  return false
}

import type { Locale } from '@/core/schema/types'
import type { I18nOptions } from 'vue-i18n'
import { createI18n } from 'vue-i18n'

type Messages = Record<string, unknown>
type FeatureMessages = { 'zh-CN': Messages, 'en': Messages }

// Each feature keeps its messages in messages/<feature>.ts under its own top-level key;
// they are merged here so features never edit a shared file.
const modules = import.meta.glob<{ default: FeatureMessages }>('./messages/*.ts', { eager: true })

function merge(locale: Locale): Messages {
  const out: Messages = {}
  for (const mod of Object.values(modules)) Object.assign(out, mod.default[locale])
  return out
}

export const SUPPORTED_LOCALES: Locale[] = ['zh-CN', 'en']
const LOCALE_KEY = 'funnelgrid:locale'

/** The saved choice, else the browser's language, else Chinese. */
export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(LOCALE_KEY)
  if (saved === 'zh-CN' || saved === 'en') return saved
  const nav = globalThis.navigator?.language ?? 'zh-CN'
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function rememberLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(LOCALE_KEY, locale)
}

export function createAppI18n(locale: Locale = initialLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': merge('zh-CN'), 'en': merge('en') } as I18nOptions['messages'],
  })
}

import type { Locale } from '@/core/schema/types'
import type { Composer, I18nOptions } from 'vue-i18n'
import { createI18n } from 'vue-i18n'

type Messages = Record<string, unknown>

// Each feature keeps its messages in messages/<feature>.ts under its own top-level key; the
// build merges them into one module per locale (tools/messages-plugin.ts), so the page loads
// the language it shows and not the other.
const LOADERS: Record<Locale, () => Promise<{ default: Messages }>> = {
  'zh-CN': () => import('virtual:locale-messages/zh-CN'),
  'en': () => import('virtual:locale-messages/en'),
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

/** One locale's UI messages. */
export async function loadLocaleMessages(locale: Locale): Promise<Messages> {
  return (await LOADERS[locale]()).default
}

/** The app's i18n showing `locale`, with the messages of the locales given (at least that one). */
export function createAppI18n(locale: Locale, messages: Partial<Record<Locale, Messages>>) {
  if (!messages[locale]) throw new Error(`createAppI18n: no messages for ${locale}`)
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: messages as I18nOptions['messages'],
  })
}

/** Shows the UI in `locale`, loading its messages first when this page has not yet. */
export async function showLocale(composer: Pick<Composer, 'locale' | 'availableLocales' | 'setLocaleMessage'>, locale: Locale): Promise<void> {
  if (!composer.availableLocales.includes(locale)) composer.setLocaleMessage(locale, await loadLocaleMessages(locale) as never)
  composer.locale.value = locale
}

/**
 * The generator behind `virtual:locale-messages/<locale>` (tools/messages-plugin.ts): the
 * messages of every src/i18n/messages/*.ts file, merged per locale. Loaded by the plugin
 * through Vite's module runner, as tools/validators-source.ts is.
 */
type Messages = Record<string, unknown>

const modules = import.meta.glob<{ default: Record<string, Messages> }>('../src/i18n/messages/*.ts', { eager: true })

/** The merged messages of each locale, the feature files taken in file-name order. */
export function localeMessages(): Record<string, Messages> {
  const out: Record<string, Messages> = {}
  for (const path of Object.keys(modules).sort()) {
    for (const [locale, messages] of Object.entries(modules[path]!.default)) Object.assign(out[locale] ??= {}, messages)
  }
  return out
}

import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppI18n, initialLocale, loadLocaleMessages } from './i18n'
import { createAppRouter } from './router'
import { createLocalforageAdapter } from './storage/localforage-adapter'
import { connectExternalChanges } from './stores/external-changes'
import { STORAGE_KEY, SYNC_KEY } from './symbols'
import { readSyncConfig } from './sync/config'
import type { SyncRuntime } from './sync/runtime'
import 'element-plus/dist/index.css'
import './styles/base.css'

// Composition root: the one place that picks the storage adapter. With team sync on (this
// device joined or published a workspace), the local adapter is wrapped by the sync engine;
// with it off, neither the engine nor PouchDB is loaded and no request leaves the page.
const local = createLocalforageAdapter()
const syncConfig = readSyncConfig()
let sync: SyncRuntime | null = null
if (syncConfig) {
  try {
    const { startSync } = await import('./sync/runtime')
    sync = await startSync(local, syncConfig)
  }
  catch (error) {
    console.error('Team sync could not start; working locally', error)
  }
}
const adapter = sync?.adapter ?? local
const app = createApp(App)
app.provide(STORAGE_KEY, adapter)
app.provide(SYNC_KEY, sync)
app.use(createPinia())
const locale = initialLocale()
app.use(createAppI18n(locale, { [locale]: await loadLocaleMessages(locale) }))
app.use(createAppRouter())
connectExternalChanges(app, adapter)
app.mount('#app')

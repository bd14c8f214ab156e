import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { createLocalforageAdapter } from './storage/localforage-adapter'
import { connectExternalChanges } from './stores/external-changes'
import { STORAGE_KEY } from './symbols'
import 'element-plus/dist/index.css'
import './styles/base.css'

// Composition root: the one place that picks the storage adapter.
const adapter = createLocalforageAdapter()
const app = createApp(App)
app.provide(STORAGE_KEY, adapter)
app.use(createPinia())
app.use(createAppI18n())
app.use(createAppRouter())
connectExternalChanges(app, adapter)
app.mount('#app')

import type { StorageAdapter } from '@/core/storage/adapter'
import type { App } from 'vue'
import { requestPersistentStorage } from '@/storage/persistence'
import { useRecordsStore } from './records'
import { useSaveStatusStore } from './save-status'

/**
 * Wires the stores to the adapter's cross-tab notifications, and asks for persistent storage
 * after the first successful save (browsers grant it more readily once the site stored data).
 */
export function connectExternalChanges(app: App, adapter: StorageAdapter): void {
  app.runWithContext(() => {
    const records = useRecordsStore()
    const saver = useSaveStatusStore()
    adapter.onExternalChange(({ tx }) => {
      records.applyExternal(tx)
    })
    saver.onFirstSave.push(() => { void requestPersistentStorage() })
  })
}

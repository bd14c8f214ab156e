import type { StorageAdapter } from '@/core/storage/adapter'
import type { App } from 'vue'
import { requestPersistentStorage } from '@/storage/persistence'
import { useFilesStore } from './files'
import { useRecordsStore } from './records'
import { guardUnsavedChanges, useSaveStatusStore } from './save-status'

/**
 * Wires the stores to the adapter's cross-tab notifications (an edit of this tab that a later
 * save overwrote is kept for the notice), asks before the page goes away with a change not
 * stored, and asks for persistent storage after the first successful save (browsers grant it
 * more readily once the site stored data). The loss of the storage under the page is kept in
 * the save-status store for the blocking banner.
 */
export function connectExternalChanges(app: App, adapter: StorageAdapter): void {
  app.runWithContext(() => {
    const records = useRecordsStore()
    const saver = useSaveStatusStore()
    const files = useFilesStore()
    adapter.onExternalChange(({ tx, overwritten, blobs, recompute }) => {
      records.applyExternal(tx)
      if (recompute) void records.recompute(recompute.formId, recompute.ids)
      if (blobs?.length) files.arrived(blobs)
      if (overwritten?.length) saver.noteOverwritten(overwritten, tx)
    })
    adapter.onStorageLost?.(() => saver.markStorageLost())
    if (typeof window !== 'undefined') guardUnsavedChanges(window, saver)
    saver.onFirstSave.push(() => { void requestPersistentStorage() })
  })
}

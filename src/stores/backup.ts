import type { WorkspaceBackup } from '@/core/schema/types'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { isStoragePersisted } from '@/storage/persistence'
import { useAdapter } from './use-adapter'
import { useSaveStatusStore } from './save-status'
import { whenSaved } from './when-saved'

/**
 * Whole-workspace backup and restore. A backup is taken after this tab's writes in flight are
 * stored. A restore replaces everything in one write-ahead-logged step of the adapter (not a
 * Transaction: it is "replace all", which other tabs receive as such); the caller reloads the
 * page afterwards, since every store's caches describe the workspace that was replaced.
 */
export const useBackupStore = defineStore('backup', () => {
  const adapter = useAdapter()
  const saver = useSaveStatusStore()

  /** The whole workspace as a backup document (definitions, records, bin, history, files). */
  async function exportBackup(): Promise<WorkspaceBackup> {
    await whenSaved(saver)
    return adapter.exportBackup()
  }

  /**
   * After the browser's storage was cleared: what memory holds (every form this page loaded and
   * the changes refused since), as a backup to restore. Does not wait for the writes in flight,
   * which are refused and kept in memory.
   */
  function exportFromMemory(): Promise<WorkspaceBackup> {
    return adapter.exportBackup()
  }

  /** Whether the browser granted persistent storage (it then keeps the data under disk pressure). */
  function storagePersisted(): Promise<boolean | undefined> {
    return isStoragePersisted()
  }

  /** Replaces the workspace with a parsed, validated backup (see core/workspace/backup-file). Rejects with StorageError. */
  async function restore(backup: WorkspaceBackup): Promise<void> {
    await whenSaved(saver)
    await adapter.importBackup(backup)
  }

  return { exportBackup, exportFromMemory, restore, storagePersisted }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBackupStore, import.meta.hot))

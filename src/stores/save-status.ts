import type { Transaction } from '@/core/storage/adapter'
import { StorageError } from '@/core/storage/adapter'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useAdapter } from './use-adapter'

/** A transaction the storage refused; kept so the user's change stays on screen and can be retried. */
export interface FailedWrite {
  id: number
  tx: Transaction
  code: StorageError['code']
  message: string
}

let nextId = 1

/**
 * Every write goes through `commit` here: on failure the transaction is kept (the stores have
 * already shown the change) and the UI shows a banner with a retry button.
 */
export const useSaveStatusStore = defineStore('save-status', () => {
  const adapter = useAdapter()
  // Shallow: the kept transactions must stay plain data (a reactive proxy cannot be cloned into IndexedDB).
  const failed = shallowRef<FailedWrite[]>([])
  const inFlight = ref(0)
  const firstSaveDone = ref(false)
  const onFirstSave: (() => void)[] = []

  async function commit(tx: Transaction): Promise<boolean> {
    inFlight.value++
    try {
      await adapter.commit(tx)
      if (!firstSaveDone.value) {
        firstSaveDone.value = true
        onFirstSave.forEach(fn => fn())
      }
      return true
    }
    catch (err) {
      const code = err instanceof StorageError ? err.code : 'unknown'
      failed.value = [...failed.value, { id: nextId++, tx, code, message: err instanceof Error ? err.message : String(err) }]
      return false
    }
    finally {
      inFlight.value--
    }
  }

  /** Tries every failed write again, in order; those that fail again stay. */
  async function retry(): Promise<void> {
    const pending = failed.value
    failed.value = []
    for (const f of pending) await commit(f.tx)
  }

  function dismiss(id: number): void {
    failed.value = failed.value.filter(f => f.id !== id)
  }

  const hasFailures = computed(() => failed.value.length > 0)
  return { failed, inFlight, firstSaveDone, hasFailures, commit, retry, dismiss, onFirstSave }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSaveStatusStore, import.meta.hot))

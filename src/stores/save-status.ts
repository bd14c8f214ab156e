import type { RecordRow } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { RecordConflict } from '@/core/storage/conflicts'
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

/** An edit of this tab that another tab's later save overwrote (see src/core/storage/conflicts.ts). */
export interface OverwrittenEdit {
  id: number
  formId: string
  recordId: string
  /** Fields whose value this tab had stored and storage no longer holds. */
  fields: string[]
  /** The record as stored now, when the change carried it. */
  row?: RecordRow
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
  const overwritten = shallowRef<OverwrittenEdit[]>([])
  const inFlight = ref(0)
  const firstSaveDone = ref(false)
  /** The browser's storage was cleared under the page: `failed` holds every change since, in memory only. */
  const storageLost = ref(false)
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
    // Nothing can be stored any more: the changes stay for the download.
    if (storageLost.value) return
    const pending = failed.value
    failed.value = []
    for (const f of pending) await commit(f.tx)
  }

  function markStorageLost(): void {
    storageLost.value = true
  }

  function dismiss(id: number): void {
    failed.value = failed.value.filter(f => f.id !== id)
  }

  /** Records that this tab's edits of the records named lost to a later save in another tab (`tx`: the change that won). */
  function noteOverwritten(conflicts: readonly RecordConflict[], tx: Transaction): void {
    const added = conflicts.map(c => ({
      id: nextId++,
      formId: c.formId,
      recordId: c.recordId,
      fields: [...c.fields],
      row: tx.records?.[c.formId]?.put?.find(r => r.id === c.recordId),
    }))
    overwritten.value = [...overwritten.value, ...added].slice(-20)
  }

  function dismissOverwritten(id: number): void {
    overwritten.value = overwritten.value.filter(o => o.id !== id)
  }

  const hasFailures = computed(() => failed.value.length > 0)
  /** Something on screen is not stored yet: a commit in flight or a refused one kept for a retry. */
  const unsaved = computed(() => inFlight.value > 0 || failed.value.length > 0)
  return { failed, inFlight, firstSaveDone, storageLost, hasFailures, unsaved, overwritten, commit, retry, dismiss, markStorageLost, noteOverwritten, dismissOverwritten, onFirstSave }
})

/** Holds the browser's own "leave site?" prompt (also for unsaved drafts: src/composables/use-leave-guard.ts). */
export function holdUnload(e: BeforeUnloadEvent): void {
  e.preventDefault()
  // Older browsers show the prompt only when returnValue is set.
  e.returnValue = ''
}

/**
 * Asks before the page goes away (reload, close, navigation) while a change is not stored.
 * A commit's write-ahead-log entry is started in the task of the edit (src/storage), so a
 * commit in flight is already durable or about to be; the prompt covers refused writes and
 * the large ones (import batches) that skip that entry. Returns a function that removes it.
 */
export function guardUnsavedChanges(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, saver: ReturnType<typeof useSaveStatusStore>): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (saver.unsaved) holdUnload(e)
  }
  target.addEventListener('beforeunload', onBeforeUnload)
  return () => target.removeEventListener('beforeunload', onBeforeUnload)
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSaveStatusStore, import.meta.hot))

import type { RecordRow } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { RecordPatch, WriteResult } from '@/core/records/mutations'
import type { ShallowRef } from 'vue'
import { createRecords, deleteRecords, updateRecords } from '@/core/records/mutations'
import { applyRecordChanges } from '@/core/records/apply-changes'
import { validatorFor } from '@/core/records/validator-cache'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { markRaw, shallowRef, triggerRef } from 'vue'
import { useAdapter } from './use-adapter'
import { useSaveStatusStore } from './save-status'
import { useWorkspaceStore } from './workspace'

/** Records of one form: a plain array in a shallowRef (deep reactivity on 100k rows costs ~100x). */
export interface FormRecords {
  rows: ShallowRef<RecordRow[]>
  byId: Map<string, RecordRow>
  loaded: Promise<void>
}

export const useRecordsStore = defineStore('records', () => {
  const adapter = useAdapter()
  const saver = useSaveStatusStore()
  const workspace = useWorkspaceStore()
  const forms = new Map<string, FormRecords>()
  /** Bumped on every change so views depending on "any records" recompute. */
  const version = shallowRef(0)

  function ensure(formId: string): FormRecords {
    let state = forms.get(formId)
    if (!state) {
      const rows = shallowRef<RecordRow[]>(markRaw([]))
      const byId = new Map<string, RecordRow>()
      const loaded = adapter.loadRecords(formId).then((list) => {
        rows.value = markRaw(list)
        for (const r of list) byId.set(r.id, r)
      })
      state = { rows, byId, loaded }
      forms.set(formId, state)
    }
    return state
  }

  /** Applies record changes of a transaction to the loaded forms (ours or another tab's). */
  function applyLocal(tx: Transaction): void {
    for (const [formId, changes] of Object.entries(tx.records ?? {})) {
      const state = forms.get(formId)
      if (!state) continue
      applyRecordChanges(state.rows.value, state.byId, changes)
      triggerRef(state.rows)
    }
    for (const formId of tx.dropForms ?? []) forms.delete(formId)
    version.value++
  }

  async function run(result: WriteResult): Promise<WriteResult> {
    if (!result.ok) return result
    applyLocal(result.tx)
    await saver.commit(result.tx)
    return result
  }

  function ctx() {
    return { now: Date.now(), memberId: workspace.settings.currentMemberId }
  }

  function formOf(formId: string) {
    const form = workspace.formById.get(formId)
    if (!form) throw new Error(`Unknown form ${formId}`)
    return form
  }

  /** Adds records; invalid values refuse the whole batch with field-named issues. */
  async function add(formId: string, valuesList: Record<string, unknown>[]): Promise<WriteResult> {
    const form = formOf(formId)
    await ensure(formId).loaded
    return run(createRecords(form, valuesList, validatorFor(form), ctx()))
  }

  /** Edits records; an invalid value is refused and the stored value stays. */
  async function update(formId: string, patches: RecordPatch[]): Promise<WriteResult> {
    const form = formOf(formId)
    const state = ensure(formId)
    await state.loaded
    return run(updateRecords(form, state.byId, patches, validatorFor(form), ctx()))
  }

  async function remove(formId: string, ids: string[]): Promise<void> {
    const tx = deleteRecords(formOf(formId), ids, ctx())
    applyLocal(tx)
    await saver.commit(tx)
  }

  return { version, ensure, applyLocal, add, update, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRecordsStore, import.meta.hot))

import type { RecordRow } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { RecordPatch, WriteResult } from '@/core/records/mutations'
import type { UndoAction, UndoOp } from '@/core/records/undo'
import type { ShallowRef } from 'vue'
import { createRecords, deleteRecords, updateRecords } from '@/core/records/mutations'
import { applyRecordChanges } from '@/core/records/apply-changes'
import { validatorFor } from '@/core/records/validator-cache'
import { mergeWrites } from '@/core/records/merge-writes'
import { replayOps } from '@/core/records/undo'
import { recordsLinks } from './records-links'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { markRaw, shallowRef, triggerRef } from 'vue'
import { useAdapter } from './use-adapter'
import { useSaveStatusStore } from './save-status'
import { useWorkspaceStore } from './workspace'
import { useUndoStore } from './undo'

/** Records of one form: a plain array in a shallowRef (deep reactivity on 100k rows costs ~100x). */
export interface FormRecords {
  rows: ShallowRef<RecordRow[]>
  byId: Map<string, RecordRow>
  loaded: Promise<void>
}

/** What one applied transaction changed in the loaded forms (for incremental consumers: the grid). */
export interface RecordsChange {
  /** The store's `version` after the change. */
  version: number
  /** Per loaded form: ids put (edited, added or restored) and ids removed. */
  forms: ReadonlyMap<string, { put: readonly string[], removed: readonly string[] }>
  /** Forms dropped entirely. */
  dropped: readonly string[]
}

/** Options of a write. */
export interface WriteOptions {
  /** What the undo step is called; guessed from the change when absent. `false`: record no undo step (undo/redo replays). */
  undo?: UndoAction | false
}

export const useRecordsStore = defineStore('records', () => {
  const adapter = useAdapter()
  const saver = useSaveStatusStore()
  const workspace = useWorkspaceStore()
  const undo = useUndoStore()
  const forms = new Map<string, FormRecords>()
  /** Bumped on every change so views depending on "any records" recompute. */
  const version = shallowRef(0)
  /** The last change applied (ids only, no deep reactivity); its `version` tells which bump it was. */
  const lastChange = shallowRef<RecordsChange>()

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
      void loaded.then(() => backfill(formId)).catch(() => undefined)
    }
    return state
  }

  /** Applies record changes of a transaction to the loaded forms (ours or another tab's). */
  function applyLocal(tx: Transaction): void {
    const changed = new Map<string, { put: string[], removed: string[] }>()
    for (const [formId, changes] of Object.entries(tx.records ?? {})) {
      const state = forms.get(formId)
      if (!state) continue
      applyRecordChanges(state.rows.value, state.byId, changes)
      changed.set(formId, { put: (changes.put ?? []).map(r => r.id), removed: [...changes.delete ?? []] })
      triggerRef(state.rows)
    }
    for (const formId of tx.dropForms ?? []) forms.delete(formId)
    version.value++
    lastChange.value = { version: version.value, forms: changed, dropped: [...tx.dropForms ?? []] }
  }

  // Lookups, rollups and MAPX: other forms' rows, loading them, propagating to them.
  const { related, context, loadLinked, withLinked, backfill } = recordsLinks({
    state: formId => forms.get(formId),
    load: formId => ensure(formId).loaded,
    forms: () => workspace.forms,
    formById: formId => workspace.formById.get(formId),
    write: (tx) => { applyLocal(tx); return saver.commit(tx) },
  })

  async function run(written: WriteResult, opts: WriteOptions = {}): Promise<WriteResult> {
    if (!written.ok) return written
    const result = { ...written, tx: withLinked(written.tx) }
    const steps = opts.undo === false ? [] : undo.stepsOf(result.tx, (formId, id) => forms.get(formId)?.byId.get(id), opts.undo)
    applyLocal(result.tx)
    undo.push(steps)
    // A create may carry the form's serial counters: the definitions must see them at once.
    if (result.tx.defs) workspace.applyLocal(result.tx)
    await saver.commit(result.tx)
    return result
  }

  function ctx() {
    return { now: Date.now(), memberId: workspace.settings.currentMemberId, ...context() }
  }

  function formOf(formId: string) {
    const form = workspace.formById.get(formId)
    if (!form) throw new Error(`Unknown form ${formId}`)
    return form
  }

  /** Adds records; invalid values refuse the whole batch with field-named issues. */
  async function add(formId: string, valuesList: Record<string, unknown>[], opts?: WriteOptions): Promise<WriteResult> {
    const form = formOf(formId)
    const state = ensure(formId)
    await state.loaded
    await loadLinked([formId])
    return run(createRecords(form, valuesList, validatorFor(form), { ...ctx(), existing: state.rows.value }), opts)
  }

  /** Edits records; an invalid value is refused and the stored value stays. */
  async function update(formId: string, patches: RecordPatch[], opts?: WriteOptions): Promise<WriteResult> {
    const form = formOf(formId)
    const state = ensure(formId)
    await state.loaded
    await loadLinked([formId])
    return run(updateRecords(form, state.byId, patches, validatorFor(form), ctx()), opts)
  }

  /** Edits records and adds new ones in one all-or-nothing write and one undo step (a paste that runs past the last row). */
  async function updateAndAdd(formId: string, patches: RecordPatch[], valuesList: Record<string, unknown>[], opts?: WriteOptions): Promise<WriteResult> {
    const form = formOf(formId)
    const state = ensure(formId)
    await state.loaded
    await loadLinked([formId])
    const validate = validatorFor(form)
    const updated = updateRecords(form, state.byId, patches, validate, ctx())
    const created = valuesList.length ? createRecords(form, valuesList, validate, { ...ctx(), existing: state.rows.value }) : undefined
    return run(created ? mergeWrites(updated, created) : updated, opts)
  }

  /** Replays undo/redo operations as one write, without recording a new undo step. */
  async function replay(formId: string, ops: UndoOp[]): Promise<WriteResult> {
    const form = formOf(formId)
    const state = ensure(formId)
    await state.loaded
    await loadLinked([formId])
    return run(replayOps(form, state.byId, ops, validatorFor(form), ctx()), { undo: false })
  }

  /** Moves records to the recycle bin (one undo step restores them). */
  async function remove(formId: string, ids: string[]): Promise<void> {
    await loadLinked([formId])
    const tx = withLinked(deleteRecords(formOf(formId), ids, ctx()))
    const steps = undo.stepsOf(tx, (fid, id) => forms.get(fid)?.byId.get(id), 'delete')
    applyLocal(tx)
    undo.push(steps)
    await saver.commit(tx)
  }

  return { version, lastChange, ensure, applyLocal, add, update, updateAndAdd, replay, remove, related, loadLinked, withLinked }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRecordsStore, import.meta.hot))

import type { ChangeEntry, FieldOf, RecordRow, StageEvent } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { RecordPatch, WriteContext, WriteResult, UndoAction, UndoOp } from '@/core/records'
import { createRecords, deleteRecords, updateRecords, applyRecordChanges, validatorFor, mergeWrites, restoreRecords, replayOps, dependentsOf, formLinks, sourcesOf, joinSteps } from '@/core/records'
import type { AlsoOps, UndoOutcome } from './undo'
import type { ImportBatch } from '@/core/io/import-batches'
import type { StageDateColumn } from '@/core/io/backdate-events'
import { batchTransaction } from '@/core/io/batch-transaction'
import { withBackdatedEvents } from '@/core/io/backdate-events'
import { freezeTransaction } from '@/core/storage/clone'
import { openFormRecords, type FormRecords } from './form-records'
import { recordsLinks } from './records-links'
import { recordsAutomations } from './records-automations'
import { useAutomationLogStore } from './automation-log'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { shallowRef, triggerRef } from 'vue'
import { useAdapter } from './use-adapter'
import { useHistoryStore } from './history'
import type { FailedWrite } from './save-status'
import { useSaveStatusStore } from './save-status'
import { useSyncStore } from './sync'
import { useWorkspaceStore } from './workspace'
import { whenSaved } from './when-saved'
import { warmRecordColumns } from '@/core/metrics/record-columns'
import { idle } from '@/composables/idle'
import { useUndoStore } from './undo'

/** Records of one form: a plain array in a shallowRef (deep reactivity on 100k rows costs ~100x). */
/** What one applied transaction changed in the loaded forms (for incremental consumers: the grid). */
export interface RecordsChange {
  /** The store's `version` after the change. */
  version: number
  /** Per loaded form: ids put (edited, added or restored) and ids removed. */
  forms: ReadonlyMap<string, { put: readonly string[], removed: readonly string[] }>
  /** Forms dropped entirely. */
  dropped: readonly string[]
  /**
   * One batch of a bulk write (an import): more are coming. Views whose work grows with the form
   * may show it a little later, paced (core/utils/pace.ts), rather than redo that work per batch.
   */
  bulk?: true
}

/** The issue code of a write refused for the signed-in user's team role (the shell shows why). */
export const ROLE_REFUSED = 'role'

/** Options of a write. */
export interface WriteOptions {
  /** What the undo step is called; guessed from the change when absent. `false`: record no undo step (undo/redo replays, installs, schema changes). */
  undo?: UndoAction | false
  /** Writes sharing a group (the batches of one import) become one undo step. */
  undoGroup?: string
  /** Store first, then show: for a write that must leave nothing behind when storage refuses it (a template install). @default false: show at once, keep on screen if refused */
  confirmed?: boolean
  /** A write the app makes by itself (lookups backfilled on open): a refusal for the role is not shown. */
  background?: boolean
  /** `false`: the write's automations do not run (undo/redo replays, planner writes, installs, purges and backfills restore or build states that already hold their outputs). */
  automate?: false
}

/** How a write through the pipeline ended: refused with field-named issues, or written (`saved` false when storage refused it; the change is kept for a retry). */
export type WriteOutcome
  = | (Extract<WriteResult, { ok: true }> & { saved: boolean, failure?: string, failureCode?: FailedWrite['code'] })
    | Extract<WriteResult, { ok: false }>

/** Options of an import batch. */
export interface ImportBatchOptions {
  /** Stage field and date fields giving backdated stage events for the batch's new records. */
  stageDates?: { field: FieldOf<'stage'>, columns: readonly StageDateColumn[] }
  /** The import's id: its batches undo as one step. */
  undoGroup: string
}

/**
 * Records of every loaded form, and the one write pipeline: every change to records — edits,
 * pastes, fills, form submits, kanban moves, batch edits, undo/redo, recycle-bin restore and
 * purge, import batches, stage-history imports, template installs, schema changes — is built
 * by a core function and goes through `run`: linked records recomputed (lookups, rollups,
 * MAPX), undo step, applied to the stores (records, definitions, history), then one commit.
 * Changes from elsewhere (other tabs, later a sync server) enter through `applyExternal`.
 */
export const useRecordsStore = defineStore('records', () => {
  const adapter = useAdapter()
  const saver = useSaveStatusStore()
  const workspace = useWorkspaceStore()
  const history = useHistoryStore()
  const undoStore = useUndoStore()
  const forms = new Map<string, FormRecords>()
  /** Bumped on every change so views depending on "any records" recompute. */
  const version = shallowRef(0)
  /** The last change applied (ids only, no deep reactivity); its `version` tells which bump it was. */
  const lastChange = shallowRef<RecordsChange>()
  /** Edits the user made on this device (not replays, planner writes, backfills or other tabs): the "who are you" prompt waits for the first. */
  const userEdits = shallowRef(0)

  function ensure(formId: string): FormRecords {
    let state = forms.get(formId)
    if (!state) {
      const opened = openFormRecords(adapter, formId, () => { version.value++ })
      state = opened
      forms.set(formId, opened)
      void opened.loaded.then(() => backfill(formId)).catch(() => undefined)
      // the columns the stage summary and widgets scan (core/metrics record-columns), read once
      void opened.loaded.then(() => idle(2000)).then(() => {
        const form = workspace.formById.get(formId)
        if (form && forms.get(formId) === opened) warmRecordColumns(opened.rows.value, form.fields)
      }).catch(() => undefined)
    }
    return state
  }

  /**
   * Whether an edit of `ids` can be computed while the form is still loading: the records are
   * in, no unique field needs the whole form, and no other form's lookups, rollups or MAPX
   * formulas read this form (they would be recomputed over part of it).
   */
  function editableWhileLoading(formId: string, ids: readonly string[]): boolean {
    const state = forms.get(formId)
    const form = workspace.formById.get(formId)
    if (!state?.loading.value || !form) return false
    if (!ids.every(id => state.byId.has(id))) return false
    if (form.fields.some(f => 'unique' in f && f.unique)) return false
    // Automations may create records in other forms, with serials and unique checks over them.
    if (automations.firesOn(formId)) return false
    return dependentsOf(formLinks(workspace.forms), [formId]).size === 0
  }

  /** Shows a transaction in every store: records of loaded forms, definitions, stage events and change logs. */
  function apply(tx: Transaction, bulk = false): void {
    if (tx.defs || tx.settings) workspace.applyDefs(tx)
    history.apply(tx)
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
    lastChange.value = { version: version.value, forms: changed, dropped: [...tx.dropForms ?? []], ...(bulk ? { bulk: true as const } : {}) }
  }

  /** A change another tab (or a sync server) already validated and stored: shown here, not re-validated or written again. */
  function applyExternal(tx: Transaction): void {
    apply(tx)
  }

  // Lookups, rollups and MAPX: other forms' rows, loading them, propagating to them.
  const { related, context, loadLinked, withLinked, backfill, recompute: recomputeLoaded } = recordsLinks({
    state: formId => forms.get(formId),
    load: formId => ensure(formId).loaded,
    forms: () => workspace.forms,
    formById: formId => workspace.formById.get(formId),
    write: tx => run({ ok: true, records: [], tx }, { undo: false, background: true, automate: false }),
  })

  // Automations (智能助手): the forms they write to, their evaluation inside `run`, the daily check.
  const automations = recordsAutomations({
    state: formId => forms.get(formId),
    load: async (formIds) => {
      await Promise.all(formIds.map(id => ensure(id).loaded))
      await loadLinked(formIds)
    },
    apps: () => workspace.apps,
    formById: () => workspace.formById,
    members: () => workspace.settings.members,
    events: async (formId) => {
      await history.eventsLoaded(formId)
      return history.columnsOf(formId).value
    },
  })

  /** The pipeline's last part, shared by every write: dependents, undo step, show, commit. Call `loadLinked` first. */
  async function run(written: WriteResult, opts: WriteOptions = {}): Promise<WriteOutcome> {
    if (!written.ok) return written
    // The sync store is asked here, not at setup: it uses this store itself.
    const refusal = useSyncStore().refusalOf(written.tx, opts.background)
    if (refusal) return { ok: false, issues: [{ recordId: '', issues: [{ fieldId: '', code: ROLE_REFUSED, message: refusal.message }] }] }
    // The automations' writes join the user's: one commit, one undo step (read before `apply`).
    const fired = opts.automate === false ? undefined : automations.evaluate(written.tx, ctx())
    const tx = withLinked(fired?.tx ?? written.tx)
    const steps = opts.undo === false ? [] : joinSteps(undoStore.stepsOf(tx, (formId, id) => forms.get(formId)?.byId.get(id), opts.undo), Object.keys(written.tx.records ?? {})[0])
    if (!opts.confirmed) {
      apply(tx, opts.undo === 'import')
      undoStore.push(steps, opts.undoGroup)
      if (fired) useAutomationLogStore().record(fired)
    }
    if (!opts.background && opts.automate !== false) userEdits.value++
    const before = saver.failed.length
    const saved = await saver.commit(tx)
    const failed = saved ? [] : saver.failed.slice(before)
    if (opts.confirmed) {
      // Nothing was shown, so nothing is kept for a retry: the caller reports the failure.
      for (const f of failed) saver.dismiss(f.id)
      if (saved) {
        apply(tx, opts.undo === 'import')
        undoStore.push(steps, opts.undoGroup)
        if (fired) useAutomationLogStore().record(fired)
      }
    }
    return { ...written, tx, saved, failure: failed[0]?.message, failureCode: failed[0]?.code }
  }

  function ctx(): WriteContext {
    return { now: Date.now(), memberId: workspace.settings.currentMemberId, ...context() }
  }

  function formOf(formId: string) {
    const form = workspace.formById.get(formId)
    if (!form) throw new Error(`Unknown form ${formId}`)
    return form
  }

  /** Loads the form and the forms its writes read or recompute; returns its definition and rows. */
  async function prepare(formId: string) {
    const form = formOf(formId)
    const state = ensure(formId)
    await state.loaded
    await loadLinked([formId])
    await automations.prepare(formId)
    return { form, state }
  }

  /** Like `prepare` for an edit allowed while the form is still loading (`editableWhileLoading`). */
  async function prepareLoading(formId: string) {
    const form = formOf(formId)
    const state = ensure(formId)
    await state.firstRows
    // Only the forms its lookups read (nothing reads this one: see editableWhileLoading).
    await Promise.all([...sourcesOf(formLinks(workspace.forms), formId)].filter(id => id !== formId && workspace.formById.has(id)).map(id => ensure(id).loaded))
    return { form, state }
  }

  /** Adds records; invalid values refuse the whole batch with field-named issues. */
  async function add(formId: string, valuesList: Record<string, unknown>[], opts?: WriteOptions): Promise<WriteOutcome> {
    const { form, state } = await prepare(formId)
    return run(createRecords(form, valuesList, validatorFor(form), { ...ctx(), existing: state.rows.value }), opts)
  }

  /** Edits records; an invalid value is refused and the stored value stays. */
  async function update(formId: string, patches: RecordPatch[], opts?: WriteOptions): Promise<WriteOutcome> {
    // An edit during a streamed open is shown and committed at once (its write-ahead-log entry
    // starts now, so a reload keeps it), not after the rest of the form is read.
    const early = editableWhileLoading(formId, patches.map(p => p.recordId))
    const { form, state } = early ? await prepareLoading(formId) : await prepare(formId)
    return run(updateRecords(form, state.byId, patches, validatorFor(form), ctx()), opts)
  }

  /** Edits records and adds new ones in one all-or-nothing write and one undo step (a paste that runs past the last row). */
  async function updateAndAdd(formId: string, patches: RecordPatch[], valuesList: Record<string, unknown>[], opts?: WriteOptions): Promise<WriteOutcome> {
    const { form, state } = await prepare(formId)
    const validate = validatorFor(form)
    const updated = updateRecords(form, state.byId, patches, validate, ctx())
    const created = valuesList.length ? createRecords(form, valuesList, validate, { ...ctx(), existing: state.rows.value }) : undefined
    return run(created ? mergeWrites(updated, created) : updated, opts)
  }

  /**
   * Replays undo/redo operations as one write, without recording a new undo step and without
   * running automations; `also` holds the other forms' operations of the same step (the
   * records an automation wrote), replayed in the same write.
   */
  async function replay(formId: string, ops: UndoOp[], also: readonly AlsoOps[] = []): Promise<WriteResult> {
    const parts: WriteResult[] = []
    for (const part of [{ formId, ops }, ...also]) {
      // A form deleted since is skipped: its records went with it.
      if (part.formId !== formId && !workspace.formById.has(part.formId)) continue
      const { form, state } = await prepare(part.formId)
      parts.push(replayOps(form, state.byId, part.ops, validatorFor(form), ctx()))
    }
    return run(parts.reduce((a, b) => mergeWrites(a, b)), { undo: false, automate: false })
  }

  /** Undoes the newest step of a form (queued behind a running undo/redo). */
  const undo = (formId: string): Promise<UndoOutcome> => undoStore.undo(formId, replay)
  /** Redoes the newest undone step of a form. */
  const redo = (formId: string): Promise<UndoOutcome> => undoStore.redo(formId, replay)

  /** Moves records to the recycle bin (one undo step restores them). */
  async function remove(formId: string, ids: string[]): Promise<WriteOutcome> {
    const { form } = await prepare(formId)
    return run({ ok: true, records: [], tx: deleteRecords(form, ids, ctx()) }, { undo: 'delete' })
  }

  /** The form's recycle bin, newest deletion last (after this tab's writes in flight are stored). */
  async function loadTrash(formId: string): Promise<RecordRow[]> {
    await whenSaved(saver)
    return adapter.loadTrash(formId)
  }

  /** Brings records back from the recycle bin, validated against the form as it is now; one undo step. */
  async function restore(formId: string, rows: readonly RecordRow[]): Promise<WriteOutcome> {
    const { form } = await prepare(formId)
    return run(restoreRecords(form, rows, validatorFor(form), ctx()), { undo: 'restore' })
  }

  /** Deletes records of the recycle bin for good (no undo). */
  async function purge(formId: string, ids: string[]): Promise<WriteOutcome> {
    return run({ ok: true, records: [], tx: { records: { [formId]: { purge: ids } } } }, { undo: false, automate: false })
  }

  /** Writes one batch of an import (updates and inserts, validated like edits); the batches of one import undo as one step. */
  async function importBatch(formId: string, batch: ImportBatch, opts: ImportBatchOptions): Promise<WriteOutcome & { stageDateIssues?: number }> {
    const { form, state } = await prepare(formId)
    const built = batchTransaction(form, batch, state.byId, validatorFor(form), { ...ctx(), existing: state.rows.value })
    if (!built.ok || !opts.stageDates) return run(built, { undo: 'import', undoGroup: opts.undoGroup })
    const created = built.records.slice(batch.updates.length)
    const dated = withBackdatedEvents(built.tx, created, form.id, opts.stageDates.field, [...opts.stageDates.columns])
    return { ...await run({ ...built, tx: dated.tx }, { undo: 'import', undoGroup: opts.undoGroup }), stageDateIssues: dated.issues }
  }

  /**
   * Writes one import batch built off the page (the import worker: `builtBatches`, from a plan
   * that validated every record): not validated or built again, only frozen (storage keeps these
   * very objects), then the pipeline's last part as for any write (automations, linked forms,
   * undo step, show, commit). The batches of one import undo as one step.
   */
  async function importPrepared(formId: string, tx: Transaction, undoGroup: string): Promise<WriteOutcome> {
    await prepare(formId)
    const frozen = freezeTransaction(tx)
    return run({ ok: true, records: frozen.records?.[formId]?.put ?? [], tx: frozen }, { undo: 'import', undoGroup })
  }

  /**
   * Writes records rebuilt from outside (a stage-history log) with their own ids, times and
   * stage events: validated, defaults, serials, lookups, rollups and formulas computed like
   * any new record; the batches of one import undo as one step. `onto` lays history onto
   * existing records in the same write: its patches are validated like edits, and their stage
   * changes are told by the history's own (backdated) events, not by an event at this moment.
   */
  async function importBuilt(formId: string, rows: readonly RecordRow[], events: readonly StageEvent[], undoGroup: string, onto?: { patches: readonly RecordPatch[], events: readonly StageEvent[], changes?: readonly ChangeEntry[] }): Promise<WriteOutcome> {
    const { form, state } = await prepare(formId)
    const eventsOf = new Map<string, StageEvent[]>()
    for (const e of events) {
      const list = eventsOf.get(e.recordId)
      if (list) list.push(e)
      else eventsOf.set(e.recordId, [e])
    }
    const presets = rows.map(r => ({ id: r.id, createdAt: r.createdAt, updatedAt: r.updatedAt, events: eventsOf.get(r.id) ?? [] }))
    const created = createRecords(form, rows.map(r => r.values), validatorFor(form), { ...ctx(), existing: state.rows.value }, presets)
    // backdated change entries (a history log's amount changes) go with the batch's own
    const backdated = onto?.changes ?? []
    const written: WriteResult = created.ok && backdated.length ? { ...created, tx: { ...created.tx, changes: [...created.tx.changes ?? [], ...backdated] } } : created
    if (!onto || (onto.patches.length === 0 && onto.events.length === 0)) return run(written, { undo: 'import', undoGroup })
    const updated = updateRecords(form, state.byId, [...onto.patches], validatorFor(form), ctx())
    const appended: WriteResult = updated.ok ? { ...updated, tx: { ...updated.tx, stageEvents: [...onto.events] } } : updated
    return run(mergeWrites(written, appended), { undo: 'import', undoGroup })
  }

  /**
   * Recomputes the derived values (formulas, lookups, rollups) of records written from outside
   * with values taken from two versions (a team-sync merge), and stores what changed; no undo step.
   */
  async function recompute(formId: string, ids: readonly string[]): Promise<void> {
    if (!workspace.formById.has(formId)) return
    await ensure(formId).loaded
    await recomputeLoaded(formId, ids)
  }

  /**
   * Writes a transaction a core planner built and checked (a designer save, a stage editor
   * save, a template install): dependents added, shown, committed; no undo step.
   */
  async function write(tx: Transaction, opts: Pick<WriteOptions, 'confirmed'> = {}): Promise<WriteOutcome> {
    await loadLinked(Object.keys(tx.records ?? {}).filter(id => workspace.formById.has(id)))
    return run({ ok: true, records: [], tx }, { ...opts, undo: false, automate: false })
  }

  /**
   * The daily automations (a date reached, a deal stalled) over the time since this device last
   * checked them: what they write is stored without an undo step, and what they did is logged.
   */
  async function checkDaily(): Promise<void> {
    const log = useAutomationLogStore()
    const now = Date.now()
    const { outcome, checked } = await automations.daily({ ...ctx(), now }, log.dailyCheckedAt)
    if (outcome) {
      const written = await run({ ok: true, records: [], tx: outcome.tx }, { undo: false, automate: false, background: true })
      if (!written.ok) return
      log.record(outcome)
    }
    log.setDailyChecked(checked, now)
    // Scores and formulas that read the date, on the forms open on this device.
    for (const [formId, state] of forms) if (state.loading.value === null) await backfill(formId)
  }

  return {
    version, lastChange, userEdits, ensure, applyExternal, related, loadLinked, withLinked,
    add, update, updateAndAdd, replay, undo, redo, remove, loadTrash, restore, purge, importBatch, importPrepared, importBuilt, write, recompute, checkDaily,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRecordsStore, import.meta.hot))

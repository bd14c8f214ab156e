import type { StageEventColumns } from '@/core/events'
import type { ChangeEntry, StageEvent } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import type { ComputedRef, ShallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, shallowRef } from 'vue'
import { appendColumns, EMPTY_COLUMNS, eventsOfColumns, recordEventsOf } from '@/core/events'
import { useAdapter } from './use-adapter'
import { useSaveStatusStore } from './save-status'
import { whenSaved } from './when-saved'

interface FormEvents {
  /** The form's events as columns (core/events): what metrics scan; a new snapshot per append. */
  columns: ShallowRef<StageEventColumns>
  /** The same events as objects, made on first use per snapshot (timelines, imports). */
  events?: ComputedRef<StageEvent[]>
  /** Resolves when the stored events are in `events`. */
  loaded: Promise<void>
  /** Events applied while the stored ones were still loading (merged in once they are). */
  early?: StageEvent[]
}

interface ChangeLog {
  list: ShallowRef<ChangeEntry[]>
  loaded: Promise<void>
  /** Entries applied while the stored ones were still loading. */
  early?: ChangeEntry[]
}

/**
 * Stage events and change entries: the one source every funnel, timeline, dashboard and
 * record drawer reads. A form's events are held as columns (typed arrays and string tables,
 * core/events: no object per event; funnels and dashboards scan them) and read from storage
 * once, on first use; after that
 * every applied transaction (this tab's writes and other tabs') appends its events here, so
 * nothing re-reads storage after a write. Change entries are read per record on demand (the
 * drawer), or per field across a form (the waterfall's amount changes), and their lists stay in
 * step the same way while this tab lives.
 */
export const useHistoryStore = defineStore('history', () => {
  const adapter = useAdapter()
  const saver = useSaveStatusStore()
  // Reads wait for this tab's writes in flight: what was applied before a list was asked for is then stored.
  const read = <T>(load: () => Promise<T>) => whenSaved(saver).then(load)
  const forms = new Map<string, FormEvents>()
  /** Per "formId\u0000recordId": the change log of a record that was asked for. */
  const changeLogs = new Map<string, ChangeLog>()
  /** Per "formId\u0000fieldId": one field's changes across a form (entries trimmed to that field). */
  const fieldLogs = new Map<string, ChangeLog>()

  /** A log read by `load`, with the entries applied meanwhile merged in once it is read. */
  function startLog(load: () => Promise<ChangeEntry[]>): ChangeLog {
    const list = shallowRef<ChangeEntry[]>(markRaw([]))
    const log: ChangeLog = { list, early: [], loaded: Promise.resolve() }
    log.loaded = read(load).then((stored) => {
      const ids = new Set(stored.map(c => c.id))
      const early = (log.early ?? []).filter(c => !ids.has(c.id))
      log.early = undefined
      list.value = markRaw(early.length ? [...stored, ...early] : stored)
    })
    return log
  }

  /** Appends what the list lacks in one copy; only its newest items can repeat these (a transaction heard twice): compared with the tail. */
  function appendFresh<T extends { id: string }>(list: ShallowRef<T[]>, added: readonly T[]): void {
    const known = new Set(list.value.slice(-Math.max(64, added.length * 2)).map(e => e.id))
    const fresh = added.filter(e => !known.has(e.id))
    if (fresh.length) list.value = markRaw([...list.value, ...fresh])
  }

  /** Appends the events the columns lack (compared with their tail, as appendFresh does). */
  function appendFreshEvents(columns: ShallowRef<StageEventColumns>, added: readonly StageEvent[]): void {
    const cols = columns.value
    const known = new Set(cols.ids.slice(Math.max(0, cols.length - Math.max(64, added.length * 2)), cols.length))
    const fresh = added.filter(e => !known.has(e.id))
    if (fresh.length) columns.value = markRaw(appendColumns(cols, fresh))
  }

  function append(log: ChangeLog, c: ChangeEntry): void {
    if (log.early) log.early.push(c)
    else if (!log.list.value.some(x => x.id === c.id)) log.list.value = markRaw([...log.list.value, c])
  }

  function ensure(formId: string): FormEvents {
    const state = forms.get(formId)
    if (state) return state
    const columns = shallowRef<StageEventColumns>(EMPTY_COLUMNS)
    const created: FormEvents = { columns, loaded: Promise.resolve() }
    created.early = []
    created.loaded = read(() => adapter.loadStageEventColumns(formId)).then((stored) => {
      let early = created.early ?? []
      if (early.length) {
        const ids = new Set(stored.ids.slice(0, stored.length))
        early = early.filter(e => !ids.has(e.id))
      }
      created.early = undefined
      columns.value = markRaw(appendColumns(stored, early))
    })
    forms.set(formId, created)
    return created
  }

  /** A form's stage events as columns (read on first use, then kept up to date by every applied transaction). */
  function columnsOf(formId: string): Readonly<ShallowRef<StageEventColumns>> {
    return ensure(formId).columns
  }

  /** {@link columnsOf} as event objects, made once per change (prefer the columns, or `recordEvents`, on large forms). */
  function eventsOf(formId: string): Readonly<ShallowRef<StageEvent[]>> {
    const state = ensure(formId)
    state.events ??= computed(() => markRaw(eventsOfColumns(state.columns.value)))
    return state.events
  }

  /** Resolves when a form's stored events are loaded. */
  function eventsLoaded(formId: string): Promise<void> {
    return ensure(formId).loaded
  }

  /** One record's stage events, oldest first, from the form's list. */
  async function recordEvents(formId: string, recordId: string): Promise<StageEvent[]> {
    await eventsLoaded(formId)
    return recordEventsOf(columnsOf(formId).value, recordId)
  }

  /** One record's change log (read once, then kept up to date by every applied transaction while this tab lives). */
  function changesOf(formId: string, recordId: string): Promise<ShallowRef<ChangeEntry[]>> {
    const key = `${formId}\u0000${recordId}`
    let log = changeLogs.get(key)
    if (!log) {
      log = startLog(() => adapter.loadChanges(formId, recordId))
      changeLogs.set(key, log)
    }
    const { list, loaded } = log
    return loaded.then(() => list)
  }

  function fieldLog(formId: string, fieldId: string): ChangeLog {
    const key = `${formId}\u0000${fieldId}`
    let log = fieldLogs.get(key)
    if (!log) {
      log = startLog(() => adapter.loadFieldChanges(formId, fieldId))
      fieldLogs.set(key, log)
    }
    return log
  }

  /**
   * One field's changes across a whole form, oldest first, each entry carrying only that
   * field's change (read on first use, then kept up to date by every applied transaction): the
   * amount history behind the waterfall's "± amount changes". Empty until loaded.
   */
  function fieldChangesOf(formId: string, fieldId: string): ShallowRef<ChangeEntry[]> {
    return fieldLog(formId, fieldId).list
  }

  /** Resolves when a form's stored changes of a field are in `fieldChangesOf`. */
  function fieldChangesLoaded(formId: string, fieldId: string): Promise<void> {
    return fieldLog(formId, fieldId).loaded
  }

  /** Appends a transaction's stage events and change entries to the lists held (called by the records store for every applied transaction). */
  function apply(tx: Transaction): void {
    const byForm = new Map<string, StageEvent[]>()
    for (const e of tx.stageEvents ?? []) {
      const list = byForm.get(e.formId)
      if (list) list.push(e)
      else byForm.set(e.formId, [e])
    }
    for (const [formId, added] of byForm) {
      const state = forms.get(formId)
      if (!state) continue
      if (state.early) {
        state.early.push(...added)
        continue
      }
      appendFreshEvents(state.columns, added)
    }
    const byField = new Map<ChangeLog, ChangeEntry[]>()
    for (const c of tx.changes ?? []) {
      const log = changeLogs.get(`${c.formId}\u0000${c.recordId}`)
      if (log) append(log, c)
      if (fieldLogs.size === 0) continue
      for (const ch of c.changes ?? []) {
        const flog = fieldLogs.get(`${c.formId}\u0000${ch.field}`)
        if (!flog) continue
        const trimmed = { ...c, changes: [ch] }
        if (flog.early) flog.early.push(trimmed)
        else if (byField.has(flog)) byField.get(flog)!.push(trimmed)
        else byField.set(flog, [trimmed])
      }
    }
    for (const [flog, added] of byField) appendFresh(flog.list, added)
    for (const formId of tx.dropForms ?? []) {
      forms.delete(formId)
      for (const logs of [changeLogs, fieldLogs]) {
        for (const key of [...logs.keys()]) if (key.startsWith(`${formId}\u0000`)) logs.delete(key)
      }
    }
  }

  /** Forgets every list (after a whole-workspace restore). */
  function reset(): void {
    forms.clear()
    changeLogs.clear()
    fieldLogs.clear()
  }

  return { columnsOf, eventsOf, eventsLoaded, recordEvents, changesOf, fieldChangesOf, fieldChangesLoaded, apply, reset }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHistoryStore, import.meta.hot))

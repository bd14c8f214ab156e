import type { MaybeRefOrGetter } from 'vue'
import type { StageEventColumns } from '@/core/events'
import { recordEventIndex, recordIndexOf } from '@/core/events'
import type { FieldDef, FieldOf, RecordRow } from '@/core/schema/types'
import type { StageAlert } from '@/core/metrics'
import { computed, onScopeDispose, shallowRef, toValue, watch } from 'vue'
import { recordStageAlerts, stageAlerts, stageCanAlert } from '@/core/metrics'
import { idle } from '@/composables/idle'
import { Pace } from '@/core/utils/pace'
import { useHistoryStore } from '@/stores/history'
import { useRecordsStore } from '@/stores/records'

/** Stage fields that can show an alert: some stage stalls after N days, or deals can be snoozed. */
function alertFields(fields: readonly FieldDef[]): FieldOf<'stage'>[] {
  return fields.filter((f): f is FieldOf<'stage'> => f.type === 'stage' && stageCanAlert(f))
}

/** Records changed since the alerts were computed beyond this many: the whole form is computed again. */
const MAX_CHANGED = 64
/** Overlaid alerts (records recomputed alone) beyond this many are folded into the base map. */
const MAX_OVERLAY = 2000
/** Alerts older than this are computed again for the whole form at the next change (ages move on). */
const MAX_AGE_MS = 3_600_000

/** One stage field's alerts: the whole form's at `base` time, with records recomputed since in `overlay` (null: no alert now). */
interface FieldAlerts {
  base: ReadonlyMap<string, StageAlert>
  overlay: ReadonlyMap<string, StageAlert | null>
}

/** What the alerts were computed from, and the records changed since (see the lastChange watcher). */
interface Computed {
  formId: string
  fields: readonly FieldOf<'stage'>[]
  rows: readonly RecordRow[]
  events: StageEventColumns
  /** The records store's version they describe. */
  version: number
  /** When the whole form was last computed. */
  at: number
  byField: ReadonlyMap<string, FieldAlerts>
  /** Records put since `version` (edits and appends), undefined once the whole form must be computed again. */
  changed: Set<string> | undefined
}

/**
 * Stalled and snoozed deals of a form (`formFields`: its fields, or the ones shown), by core's
 * stageAlerts per stage field, for the grid's stage cells and the kanban cards. The form's stage
 * events are read only when one of those fields can stall or be snoozed (other grids read
 * nothing more). After an edit of a few records only those are recomputed (recordStageAlerts,
 * from their own events: about a millisecond, where the whole form takes 100-250 ms at 100k
 * deals and ran between the edit and its cell being drawn); a removal, a large change, a reload
 * or alerts over an hour old compute the whole form again, with `now` read then. The batches
 * of a bulk write (an import) are computed paced (`Pace`): the alerts before a batch are kept
 * until the whole form's computation may run again.
 */
export function useStageAlerts(formId: MaybeRefOrGetter<string>, formFields: MaybeRefOrGetter<readonly FieldDef[]>) {
  const store = useRecordsStore()
  const history = useHistoryStore()
  const fields = computed(() => alertFields(toValue(formFields)))
  const ready = shallowRef<string>()
  watch(() => [toValue(formId), fields.value.length > 0] as const, async ([id, wanted]) => {
    if (!wanted || ready.value === id) return
    // The events are read once the records are in and the page is idle: reading them (about 4
    // per record) during a streamed open would hold up the last rows and the first input.
    await store.ensure(id).loaded.catch(() => undefined)
    await idle()
    await history.eventsLoaded(id).catch(() => undefined)
    if (id === toValue(formId)) ready.value = id
  }, { immediate: true })

  let last: Computed | undefined
  // Every change is noted as it is applied (the alerts are computed lazily, when a cell reads them).
  watch(() => store.lastChange, (change) => {
    if (!change || !last?.changed) return
    const mine = change.forms.get(last.formId)
    if (change.version !== last.version + 1 || change.dropped.includes(last.formId) || (mine && mine.removed.length > 0)) last.changed = undefined
    else {
      for (const id of mine?.put ?? []) last.changed.add(id)
      if (last.changed.size > MAX_CHANGED) last.changed = undefined
    }
    if (last) last.version = change.version
  }, { flush: 'sync' })

  const pace = new Pace()
  /** Bumped when a paced computation is due. */
  const due = shallowRef(0)
  onScopeDispose(() => pace.cancel())

  const byField = computed((): ReadonlyMap<string, FieldAlerts> => {
    void due.value
    const id = toValue(formId)
    const wanted = fields.value
    if (!wanted.length || ready.value !== id) {
      last = undefined
      return new Map()
    }
    const version = store.version
    const rows = store.ensure(id).rows.value
    const events = history.columnsOf(id).value
    const now = Date.now()
    const prev = last
    if (prev && prev.formId === id && prev.rows === rows && sameFields(prev.fields, wanted) && prev.changed && prev.version === version && now - prev.at < MAX_AGE_MS) {
      const changed = [...prev.changed]
      if (appendedOnlyFor(prev.events, events, prev.changed)) {
        last = { ...prev, events, changed: new Set(), byField: changed.length ? overlaid(prev.byField, changed, rows, events, wanted, now) : prev.byField }
        return last.byField
      }
    }
    const change = store.lastChange
    if (prev && prev.formId === id && sameFields(prev.fields, wanted) && change?.bulk && change.version === version && change.forms.has(id) && pace.later(() => due.value++)) return prev.byField
    pace.cancel()
    const out = pace.run(() => {
      const all = new Map<string, FieldAlerts>()
      for (const field of wanted) all.set(field.id, { base: stageAlerts({ records: rows, events, field, options: { now } }), overlay: new Map() })
      // built here, with the whole form's work, rather than at the first edit
      recordIndexOf(events)
      recordEventIndex(events)
      return all
    })

    last = { formId: id, fields: wanted, rows, events, version, at: now, byField: out, changed: new Set() }
    return out
  })

  /** The alerts with `changed` recomputed alone; an overlay grown large is folded into a new base. */
  function overlaid(prev: ReadonlyMap<string, FieldAlerts>, changed: readonly string[], rows: readonly RecordRow[], events: StageEventColumns, wanted: readonly FieldOf<'stage'>[], now: number): ReadonlyMap<string, FieldAlerts> {
    const state = store.ensure(toValue(formId))
    const records = changed.map(id => state.byId.get(id)).filter(r => !!r).map(record => ({ record, index: rows.indexOf(record) }))
    const out = new Map<string, FieldAlerts>()
    for (const field of wanted) {
      const fresh = recordStageAlerts(records, events, field, now)
      const was = prev.get(field.id) ?? { base: new Map(), overlay: new Map() }
      const overlay = new Map(was.overlay)
      for (const { record } of records) overlay.set(record.id, fresh.get(record.id) ?? null)
      if (overlay.size <= MAX_OVERLAY) {
        out.set(field.id, { base: was.base, overlay })
        continue
      }
      const base = new Map(was.base)
      for (const [rid, alert] of overlay) {
        if (alert) base.set(rid, alert)
        else base.delete(rid)
      }
      out.set(field.id, { base, overlay: new Map() })
    }
    return out
  }

  return {
    alertOf: (recordId: string, fieldId: string): StageAlert | undefined => {
      const f = byField.value.get(fieldId)
      if (!f) return undefined
      const o = f.overlay.get(recordId)
      return o === null ? undefined : o ?? f.base.get(recordId)
    },
  }
}

function sameFields(a: readonly FieldDef[], b: readonly FieldDef[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i])
}

/**
 * Whether `next` is `prev` with events appended, all of records in `changed` (an edit's stage
 * events): then only those records' alerts can differ.
 */
function appendedOnlyFor(prev: StageEventColumns, next: StageEventColumns, changed: ReadonlySet<string>): boolean {
  if (next === prev) return true
  const n = prev.length
  if (next.length < n || (n > 0 && next.ids[n - 1] !== prev.ids[n - 1])) return false
  for (let j = n; j < next.length; j++) if (!changed.has(next.recordIds[next.record[j] as number] as string)) return false
  return true
}

import type { MaybeRefOrGetter } from 'vue'
import type { FieldDef, FieldOf } from '@/core/schema/types'
import type { StageAlert } from '@/core/metrics'
import { computed, shallowRef, toValue, watch } from 'vue'
import { stageAlerts, stageCanAlert } from '@/core/metrics'
import { useHistoryStore } from '@/stores/history'
import { useRecordsStore } from '@/stores/records'

/** Resolves when the browser is idle (at the latest after a second), or at once where there is no idle callback (tests). */
function idle(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return Promise.resolve()
  return new Promise(resolve => requestIdleCallback(() => resolve(), { timeout: 1000 }))
}

/** Stage fields that can show an alert: some stage stalls after N days, or deals can be snoozed. */
function alertFields(fields: readonly FieldDef[]): FieldOf<'stage'>[] {
  return fields.filter((f): f is FieldOf<'stage'> => f.type === 'stage' && stageCanAlert(f))
}

/**
 * Stalled and snoozed deals of a form (`formFields`: its fields, or the ones shown), by core's
 * stageAlerts per stage field, for the grid's stage cells and the kanban cards. The form's stage
 * events are read only when one of those fields can stall or be snoozed (other grids read
 * nothing more); recomputed when records or events change, with `now` read then.
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

  const byField = computed(() => {
    const out = new Map<string, Map<string, StageAlert>>()
    const id = toValue(formId)
    if (!fields.value.length || ready.value !== id) return out
    void store.version
    const records = store.ensure(id).rows.value
    const events = history.columnsOf(id).value
    const now = Date.now()
    for (const field of fields.value) out.set(field.id, stageAlerts({ records, events, field, options: { now } }))
    return out
  })
  return {
    alerts: byField,
    alertOf: (recordId: string, fieldId: string): StageAlert | undefined => byField.value.get(fieldId)?.get(recordId),
  }
}

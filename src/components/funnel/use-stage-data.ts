import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import type { StageEventSource } from '@/core/events'
import type { RecordRow, StageEvent } from '@/core/schema/types'
import { recordEventsOf } from '@/core/events'
import { computed, ref, toValue, watch } from 'vue'
import { useHistoryStore } from '@/stores/history'
import { useRecordsStore } from '@/stores/records'

/** Options of useStageData. */
export interface UseStageDataOptions {
  /** Only this record's events (a timeline); all of the form's when absent (a funnel). */
  recordId?: MaybeRefOrGetter<string | undefined>
  /** Called when loading fails. @default ignore (the view keeps its last data) */
  onError?: (err: unknown) => void
}

/** A form's records and stage events, kept fresh when any record changes. */
export interface UseStageDataReturn {
  records: Readonly<ShallowRef<RecordRow[]>>
  /** The form's events (columns: for funnels and summaries). */
  events: Readonly<ShallowRef<StageEventSource>>
  /** The `recordId` record's events as objects, oldest first as stored (empty without `recordId`). */
  recordEvents: Readonly<ShallowRef<StageEvent[]>>
  /** True until the first load finished. */
  loading: ShallowRef<boolean>
  /** Bumped after every change of either list, for computed values that depend on both. */
  version: Readonly<ShallowRef<number>>
}

/**
 * A form's records (records store) and stage events (history store). Both stores are kept up
 * to date by every applied transaction — this tab's writes and other tabs' — so a stage edit
 * anywhere (grid, drawer, kanban, another tab) shows at once, with no re-read of storage.
 */
export function useStageData(formId: MaybeRefOrGetter<string>, options: UseStageDataOptions = {}): UseStageDataReturn {
  const { recordId, onError } = options
  const store = useRecordsStore()
  const history = useHistoryStore()
  const loading = ref(true)

  watch(() => toValue(formId), async (id) => {
    loading.value = true
    try {
      await Promise.all([store.ensure(id).loaded, history.eventsLoaded(id)])
    }
    catch (err) {
      onError?.(err)
    }
    finally {
      if (id === toValue(formId)) loading.value = false
    }
  }, { immediate: true })

  const records = computed(() => (void store.version, store.ensure(toValue(formId)).rows.value))
  const events = computed(() => history.columnsOf(toValue(formId)).value)
  const recordEvents = computed(() => {
    const rid = toValue(recordId)
    return rid === undefined ? [] : recordEventsOf(events.value, rid)
  })
  const version = computed(() => (void records.value, void events.value, store.version))
  return { records, events, recordEvents, loading, version }
}

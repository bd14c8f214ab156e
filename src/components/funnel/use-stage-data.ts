import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import type { RecordRow, StageEvent } from '@/core/schema/types'
import { onScopeDispose, ref, shallowRef, toValue, watch } from 'vue'
import { useAdapter } from '@/stores/use-adapter'
import { useRecordsStore } from '@/stores/records'

/** Options of useStageData. */
export interface UseStageDataOptions {
  /** Only this record's events (a timeline); all of the form's when absent (a funnel). */
  recordId?: MaybeRefOrGetter<string | undefined>
  /** Milliseconds to wait after a change before reloading events. @default 150 */
  debounce?: number
  /** Called when loading events fails. @default ignore (the view keeps its last data) */
  onError?: (err: unknown) => void
}

/** A form's records and stage events, kept fresh when any record changes. */
export interface UseStageDataReturn {
  records: ShallowRef<RecordRow[]>
  events: ShallowRef<StageEvent[]>
  /** True until the first load finished. */
  loading: ShallowRef<boolean>
  /** Bumped after every reload, for computed values that depend on both lists. */
  version: ShallowRef<number>
}

/**
 * Loads a form's records (through the records store) and its stage events (through the
 * adapter), and reloads the events whenever the records store's version changes, so a stage
 * edit anywhere (grid, drawer, kanban, another tab) shows at once.
 */
export function useStageData(formId: MaybeRefOrGetter<string>, options: UseStageDataOptions = {}): UseStageDataReturn {
  const { recordId, debounce = 150, onError } = options
  const adapter = useAdapter()
  const store = useRecordsStore()
  const records = shallowRef<RecordRow[]>([])
  const events = shallowRef<StageEvent[]>([])
  const loading = ref(true)
  const version = ref(0)
  let timer: ReturnType<typeof setTimeout> | undefined
  let ticket = 0

  async function load(): Promise<void> {
    const mine = ++ticket
    const id = toValue(formId)
    try {
      const state = store.ensure(id)
      await state.loaded
      const list = await adapter.loadStageEvents(id, toValue(recordId))
      if (mine !== ticket) return
      records.value = state.rows.value
      events.value = list
      version.value++
    }
    catch (err) {
      onError?.(err)
    }
    finally {
      if (mine === ticket) loading.value = false
    }
  }

  watch(() => [toValue(formId), toValue(recordId)], () => {
    loading.value = true
    void load()
  }, { immediate: true })
  watch(() => store.version, () => {
    clearTimeout(timer)
    timer = setTimeout(() => void load(), debounce)
  })
  onScopeDispose(() => clearTimeout(timer))
  return { records, events, loading, version }
}

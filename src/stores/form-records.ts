// One form's records as the stores hold them, and the (possibly streamed) read that fills them.
import type { RecordRow } from '@/core/schema/types'
import type { LoadProgress, StorageAdapter } from '@/core/storage/adapter'
import type { ShallowRef } from 'vue'
import { markRaw, shallowRef } from 'vue'
import { ChunkedIdMap } from '@/core/utils/chunked-id-map'
import { indexWhenIdle } from '@/composables/idle'

export interface FormRecords {
  rows: ShallowRef<RecordRow[]>
  byId: Map<string, RecordRow>
  /** Resolves when every stored record is in `rows`. */
  loaded: Promise<void>
  /** Resolves when the first slice of rows is in `rows` (a streamed open), at the latest with `loaded`. */
  firstRows: Promise<void>
  /**
   * While the form is still being read: how many records are in `rows` of how many stored
   * (`total` 0: not known yet). null once loaded. Anything computed over `rows` meanwhile
   * covers part of the form and must say so, or wait for `loaded`.
   */
  loading: ShallowRef<LoadProgress | null>
}

/** Slices of a streamed open reach the views at most this often (each redraws the grid). */
const SLICE_SHOW_MS = 150
/**
 * Rows read are shown once there are this many times as many as were last shown: each showing
 * costs the grid (and every view over `rows`) time in the number of rows, so showing at a
 * growing interval keeps the total a small multiple of one showing of the whole form. The
 * "x of y" progress is updated every SLICE_SHOW_MS in between. 4, not 2: at 1M the grid's
 * transactions took 3.7 s of the open's main thread with 2 (11 showings) and 2.6 s with 4
 * (6 showings; Chromium profile of the bench's open, 7 Dec).
 */
const SHOW_GROWTH = 4

/**
 * Starts reading a form. The adapter may hand the records out in slices (a streamed open):
 * each slice is appended to `rows` at once (so edits and other tabs' changes, which wait for
 * the adapter's lock, always land after the slices) and shown at most every SLICE_SHOW_MS,
 * once four times as many rows as last shown are read (SHOW_GROWTH);
 * `onShown` is called each time rows were shown (the records store bumps its version).
 */
export function openFormRecords(adapter: StorageAdapter, formId: string, onShown: () => void): FormRecords {
  const rows = shallowRef<RecordRow[]>(markRaw([]))
  const byId = new ChunkedIdMap<RecordRow>()
  const loading = shallowRef<LoadProgress | null>({ loaded: 0, total: 0 })
  let first!: () => void
  const firstRows = new Promise<void>(resolve => (first = resolve))
  let shownAt = 0
  let progressAt = 0
  let shownCount = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let progressTimer: ReturnType<typeof setTimeout> | undefined
  let progress: LoadProgress = { loaded: 0, total: 0 }
  const showProgress = () => {
    // Also when called by `show`: a progress update still due would otherwise fire after the
    // read ended and bring the loading state back for good.
    clearTimeout(progressTimer)
    progressTimer = undefined
    progressAt = performance.now()
    loading.value = progress
  }
  const show = () => {
    timer = undefined
    shownAt = performance.now()
    showProgress()
    // A new array each time rows are shown: a computed over `rows.value` that returns the array
    // itself (a relation picker's options, the stage data) only tells its dependents when the
    // reference changes.
    rows.value = markRaw(rows.value.slice())
    shownCount = rows.value.length
    onShown()
  }
  const stopTimers = () => {
    clearTimeout(timer)
    clearTimeout(progressTimer)
    timer = progressTimer = undefined
  }
  let streamed = 0
  const onRows = (slice: RecordRow[], p: LoadProgress) => {
    const list = rows.value
    for (const r of slice) list.push(r)
    // Indexed when first looked up, or when the page is idle after the read (indexWhenIdle).
    byId.addRows(slice)
    streamed += slice.length
    progress = p
    const wait = (since: number) => Math.max(0, SLICE_SHOW_MS - (performance.now() - since))
    if (streamed === slice.length) {
      show()
      first()
    }
    else if (!timer && list.length >= shownCount * SHOW_GROWTH) timer = setTimeout(show, wait(shownAt))
    else if (!timer && !progressTimer) progressTimer = setTimeout(showProgress, wait(progressAt))
  }
  const loaded = adapter.loadRecords(formId, { onRows }).then((all) => {
    stopTimers()
    if (streamed !== all.length) {
      // Not streamed (or not all of it): take the list as it is.
      byId.clear()
      for (const r of all) byId.set(r.id, r)
      rows.value = markRaw(all)
    }
    else rows.value = markRaw(rows.value.slice())
    loading.value = null
    if (streamed > 0) onShown()
    indexWhenIdle(byId)
  }).finally(() => {
    stopTimers()
    loading.value = null
    first()
  })
  return { rows, byId, loaded, firstRows, loading }
}

import type { Ref } from 'vue'
import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'

/** Options of `useWindowedList`. */
export interface WindowedListOptions {
  /** Items in the list. */
  count: Ref<number>
  /** Pixels per item along the scrolled axis (rows: height, columns: width). */
  itemSize: number
  /** Viewport size used before the element is measured (component tests have no layout). */
  initialViewport: number
  /**
   * Items drawn beyond each edge of the viewport.
   * @default 4
   */
  overscan?: number
  /** @default 'y' */
  axis?: 'x' | 'y'
}

/** What `useWindowedList` returns. */
export interface WindowedList {
  /** Bind to the scrolling element (`ref="..."`). */
  el: Ref<HTMLElement | undefined>
  /** Items [start, end) to draw. */
  start: Ref<number>
  end: Ref<number>
  /** Space standing in for the items before `start` and after `end`, in pixels. */
  before: Ref<number>
  after: Ref<number>
  onScroll: () => void
}

/**
 * A windowed list of fixed-size items: only the items in view (and a few around them) are
 * drawn, so a file of 2,000 columns gives a mapping table of a dozen rows, not 2,000 selects.
 */
export function useWindowedList(opts: WindowedListOptions): WindowedList {
  const axis = opts.axis ?? 'y'
  const overscan = opts.overscan ?? 4
  const el = ref<HTMLElement>()
  const offset = ref(0)
  const viewport = ref(opts.initialViewport)
  let observer: ResizeObserver | undefined

  const measure = () => {
    const e = el.value
    if (!e) return
    const size = axis === 'y' ? e.clientHeight : e.clientWidth
    if (size > 0) viewport.value = size
    offset.value = axis === 'y' ? e.scrollTop : e.scrollLeft
  }
  // Measured by the observer's first callback, after the browser's own layout: reading
  // clientHeight while mounting forced a layout of the whole dialog (40 ms for a wide file).
  onMounted(() => {
    if (typeof ResizeObserver !== 'undefined' && el.value) {
      observer = new ResizeObserver(measure)
      observer.observe(el.value)
    }
  })
  onBeforeUnmount(() => observer?.disconnect())

  const start = computed(() => Math.max(0, Math.min(opts.count.value, Math.floor(offset.value / opts.itemSize) - overscan)))
  const end = computed(() => Math.max(start.value, Math.min(opts.count.value, Math.ceil((offset.value + viewport.value) / opts.itemSize) + overscan)))
  const before = computed(() => start.value * opts.itemSize)
  const after = computed(() => (opts.count.value - end.value) * opts.itemSize)
  // A shorter list (another file) may leave the scroll position past its end.
  watch(opts.count, () => queueMicrotask(measure))

  return { el, start, end, before, after, onScroll: measure }
}

import type { CellFocusedEvent, GridApi } from 'ag-grid-community'
import type { Ref, ShallowRef } from 'vue'
import type { CellPos, CellRange } from '@/core/records'
import { rangeBetween, stepCell } from '@/core/records'
import type { RecordRow } from '@/core/schema/types'
import { onBeforeUnmount, shallowRef, watch } from 'vue'

/** Options of useGridRange. */
export interface UseGridRangeOptions {
  /** Column ids that take part in ranges (data columns, not the checkbox column). */
  columnIds: () => ReadonlySet<string>
  /** Called when the fill handle is dragged down: the range grown to the row where it was let go. */
  onFill?: (range: CellRange) => void
}

/** Range state and queries for cell class rules. */
export interface UseGridRangeReturn {
  /** The selected range in displayed coordinates, or undefined before any cell is focused. */
  range: ShallowRef<CellRange | undefined>
  /** Displayed data column ids, left to right. */
  displayedColumnIds: () => string[]
  inRange: (row: number, colId: string) => boolean
  isCorner: (row: number, colId: string) => boolean
  /** Selects a range (and redraws). */
  select: (anchor: CellPos, end?: CellPos) => void
  /** The selection, or the focused cell as a one-cell range. */
  current: () => CellRange | undefined
}

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }
const HANDLE_PX = 9

function cellAt(target: EventTarget | null): { row: number, colId: string, el: HTMLElement } | undefined {
  const el = (target as HTMLElement | null)?.closest?.<HTMLElement>('.ag-cell[col-id]')
  const rowEl = el?.closest<HTMLElement>('.ag-row[row-index]')
  if (!el || !rowEl) return undefined
  return { row: Number(rowEl.getAttribute('row-index')), colId: el.getAttribute('col-id')!, el }
}

/**
 * Spreadsheet range selection for a community AG Grid (its own range selection is
 * enterprise): click, shift+click, mouse drag and shift+arrows select a rectangle, drawn by
 * cell class rules; a fill handle on the range's corner can be dragged down.
 */
export function useGridRange(api: () => GridApi<RecordRow> | undefined, container: Ref<HTMLElement | undefined>, options: UseGridRangeOptions): UseGridRangeReturn {
  const range = shallowRef<CellRange>()
  let anchor: CellPos | undefined
  let end: CellPos | undefined
  let colIndex = new Map<string, number>()
  let shift = false
  let mode: 'none' | 'drag' | 'fill' = 'none'
  let fillFrom: CellRange | undefined
  /** The cell the last mouse press set the range for: AG Grid's focus event for it comes later and must not set it again. */
  let pressed: CellPos | undefined

  function displayedColumnIds(): string[] {
    const ids = options.columnIds()
    return (api()?.getAllDisplayedColumns() ?? []).map(c => c.getColId()).filter(id => ids.has(id))
  }

  function redraw(): void {
    const a = api()
    colIndex = new Map(displayedColumnIds().map((id, i) => [id, i]))
    if (a && !a.isDestroyed()) a.refreshCells({ force: false, suppressFlash: true })
  }

  function set(next: CellRange | undefined): void {
    range.value = next
    redraw()
  }

  function select(a: CellPos, e: CellPos = a): void {
    anchor = a
    end = e
    set(rangeBetween(a, e))
  }

  function posOf(row: number, colId: string): CellPos | undefined {
    const col = displayedColumnIds().indexOf(colId)
    return col < 0 || row < 0 ? undefined : { row, col }
  }

  function onFocused(e: CellFocusedEvent<RecordRow>): void {
    if (e.rowIndex === null || e.rowIndex === undefined || !e.column || typeof e.column === 'string' || mode === 'fill') return
    const pos = posOf(e.rowIndex, e.column.getColId())
    if (!pos) return
    // A press already set the range for this cell. The grid focuses it afterwards, at a time
    // of its own (after Shift is released, after a row update from an earlier edit has been
    // drawn): handling that focus again would collapse a shift+click range to one cell.
    if (pressed && pos.row === pressed.row && pos.col === pressed.col) {
      pressed = undefined
      return
    }
    pressed = undefined
    if (end && pos.row === end.row && pos.col === end.col && range.value) return
    if (shift && anchor) {
      end = pos
      set(rangeBetween(anchor, pos))
    }
    else if (mode !== 'drag' || !anchor) select(pos)
  }

  function onMouseDown(e: MouseEvent): void {
    shift = e.shiftKey
    const hit = cellAt(e.target)
    if (!hit || e.button !== 0) return
    const pos = posOf(hit.row, hit.colId)
    if (!pos) return
    pressed = pos
    const box = hit.el.getBoundingClientRect()
    if (hit.el.classList.contains('fg-range-corner') && e.clientX > box.right - HANDLE_PX && e.clientY > box.bottom - HANDLE_PX && range.value) {
      mode = 'fill'
      fillFrom = range.value
      e.preventDefault()
      return
    }
    if (e.shiftKey && anchor) {
      e.preventDefault()
      end = pos
      set(rangeBetween(anchor, pos))
      return
    }
    mode = 'drag'
    select(pos)
  }

  function onMouseOver(e: MouseEvent): void {
    if (mode === 'none') return
    const hit = cellAt(e.target)
    const pos = hit && posOf(hit.row, hit.colId)
    if (!pos) return
    if (mode === 'fill' && fillFrom) set({ ...fillFrom, bottom: Math.max(fillFrom.bottom, pos.row) })
    else if (mode === 'drag' && anchor && (pos.row !== end?.row || pos.col !== end?.col)) {
      end = pos
      set(rangeBetween(anchor, pos))
    }
  }

  function onMouseUp(): void {
    const wasFill = mode === 'fill'
    mode = 'none'
    if (wasFill && fillFrom && range.value && range.value.bottom > fillFrom.bottom) {
      anchor = { row: range.value.top, col: range.value.left }
      end = { row: range.value.bottom, col: range.value.right }
      options.onFill?.(range.value)
    }
    fillFrom = undefined
  }

  function onKeyDown(e: KeyboardEvent): void {
    shift = e.shiftKey
    const a = api()
    if (!a || (a.getEditingCells?.() ?? []).length) return
    const step = ARROWS[e.key]
    if (step && e.shiftKey && anchor && end) {
      e.preventDefault()
      e.stopPropagation()
      const cols = displayedColumnIds()
      end = stepCell(end, step[0], step[1], a.getDisplayedRowCount(), cols.length)
      a.ensureIndexVisible(end.row)
      a.ensureColumnVisible(cols[end.col]!)
      set(rangeBetween(anchor, end))
    }
    else if (e.key === 'Escape' && anchor) select(anchor)
  }

  const onKeyUp = (e: KeyboardEvent) => { shift = e.shiftKey }

  watch(container, (el, old) => {
    old?.removeEventListener('mousedown', onMouseDown)
    old?.removeEventListener('mouseover', onMouseOver)
    old?.removeEventListener('keydown', onKeyDown, true)
    old?.removeEventListener('keyup', onKeyUp, true)
    el?.addEventListener('mousedown', onMouseDown)
    el?.addEventListener('mouseover', onMouseOver)
    el?.addEventListener('keydown', onKeyDown, true)
    el?.addEventListener('keyup', onKeyUp, true)
  }, { immediate: true })
  // Capture: the grid stops some mouseup events from bubbling.
  document.addEventListener('mouseup', onMouseUp, true)
  onBeforeUnmount(() => document.removeEventListener('mouseup', onMouseUp, true))

  watch(api, (a) => {
    if (!a) return
    a.addEventListener('cellFocused', onFocused)
    a.addEventListener('displayedColumnsChanged', redraw)
  }, { immediate: true })

  function current(): CellRange | undefined {
    if (range.value) return range.value
    const f = api()?.getFocusedCell()
    const pos = f && posOf(f.rowIndex, f.column.getColId())
    return pos ? rangeBetween(pos, pos) : undefined
  }

  return {
    range,
    displayedColumnIds,
    inRange: (row, colId) => {
      const r = range.value
      const c = colIndex.get(colId)
      return !!r && c !== undefined && !(r.top === r.bottom && r.left === r.right) && row >= r.top && row <= r.bottom && c >= r.left && c <= r.right
    },
    isCorner: (row, colId) => !!range.value && row === range.value.bottom && colIndex.get(colId) === range.value.right,
    select,
    current,
  }
}

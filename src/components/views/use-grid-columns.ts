import type { CellDoubleClickedEvent, ColumnEventType, GridApi } from 'ag-grid-community'
import type { RecordRow } from '@/core/schema/types'
import type { GridColumnState, ResolvedColumn } from '@/core/views'
import { nextTick, watch } from 'vue'

const USER_SOURCES: ReadonlySet<ColumnEventType> = new Set<ColumnEventType>([
  'uiColumnMoved', 'uiColumnResized', 'uiColumnDragged', 'autosizeColumns', 'contextMenu', 'columnMenu', 'toolPanelUi',
])

/** Options of useGridColumns. */
export interface UseGridColumnsOptions {
  /** Called with the grid's column state after a person resized, moved or pinned a column. */
  onCapture: (state: GridColumnState[]) => void
  /** Called when a person double-clicks a row's number/checkbox cell or a file cell (not another data cell). */
  onOpenRow?: (recordId: string) => void
}

/**
 * Bridges a view's column layout and the grid: applies widths and pinning from the view, and
 * reports user resizes, moves and pins back (through ag-grid's api, exposed by DataGrid).
 */
export function useGridColumns(api: () => GridApi<RecordRow> | undefined, columns: () => ResolvedColumn[], options: UseGridColumnsOptions): void {
  const fieldIds = () => new Set(columns().map(c => c.field.id))

  function apply(): void {
    const a = api()
    if (!a || a.isDestroyed()) return
    const state = columns().filter(c => !c.hidden).map(c => ({ colId: c.field.id, pinned: c.pinned ?? null, ...(c.width ? { width: c.width } : {}) }))
    a.applyColumnState({ state, applyOrder: true })
  }

  function capture(): void {
    const a = api()
    if (!a) return
    const ids = fieldIds()
    options.onCapture(a.getColumnState().filter(s => ids.has(s.colId)).map(s => ({ colId: s.colId, width: s.width, pinned: s.pinned ?? null })))
  }

  const onResized = (e: { finished: boolean, source: ColumnEventType }) => { if (e.finished && USER_SOURCES.has(e.source)) capture() }
  const onMoved = (e: { finished: boolean, source: ColumnEventType }) => { if (e.finished && USER_SOURCES.has(e.source)) capture() }
  const onPinned = (e: { source: ColumnEventType }) => { if (USER_SOURCES.has(e.source)) capture() }
  const onDouble = (e: CellDoubleClickedEvent<RecordRow>) => {
    // File cells have no grid editor: double-clicking one opens the record to upload there.
    const type = columns().find(c => c.field.id === e.column.getColId())?.field.type
    if (e.data && (type === undefined || type === 'attachment' || type === 'image')) options.onOpenRow?.(e.data.id)
  }

  watch(api, (a, old) => {
    if (old && !old.isDestroyed()) {
      old.removeEventListener('columnResized', onResized)
      old.removeEventListener('columnMoved', onMoved)
      old.removeEventListener('columnPinned', onPinned)
      old.removeEventListener('cellDoubleClicked', onDouble)
    }
    if (!a) return
    a.addEventListener('columnResized', onResized)
    a.addEventListener('columnMoved', onMoved)
    a.addEventListener('columnPinned', onPinned)
    a.addEventListener('cellDoubleClicked', onDouble)
    apply()
  }, { immediate: true })

  // After the column definitions change (fields shown/hidden, reordered), re-apply widths and pins.
  watch(() => columns().map(c => `${c.field.id}:${c.width ?? ''}:${c.pinned ?? ''}:${c.hidden ? 1 : 0}`).join('|'), () => { void nextTick(apply) })
}

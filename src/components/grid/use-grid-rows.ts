import type { GridApi } from 'ag-grid-community'
import type { ShallowRef } from 'vue'
import type { RecordRow } from '@/core/schema/types'
import { watch } from 'vue'
import { useRecordsStore } from '@/stores/records'
import { isEmptyDelta, rowDelta } from './row-delta'

/**
 * Keeps AG Grid's rows in step with `rows`: a change reaches the grid as a row transaction
 * (edited rows updated, rows that left removed, new ones appended) while the order of the kept
 * rows is unchanged, else rowData is reset. A records change of another form is skipped.
 */
export function useGridRows(api: ShallowRef<GridApi<RecordRow> | undefined>, rows: () => RecordRow[], rowsVersion: () => number, formId: () => string | undefined): { showAll: (a: GridApi<RecordRow>) => void } {
  const recordsStore = useRecordsStore()
  /** The rows the grid holds, in order (a copy: `rows` may change in place). */
  let shown: RecordRow[] = []
  let shownFrom: RecordRow[] | undefined

  function showAll(a: GridApi<RecordRow>): void {
    const list = rows()
    shown = list.slice()
    shownFrom = list
    a.setGridOption('rowData', list)
  }

  /** Whether the last records change (the one that bumped `rowsVersion`) left these rows alone. */
  function untouched(): boolean {
    const change = recordsStore.lastChange
    const id = formId()
    return rows() === shownFrom && !!id && change?.version === rowsVersion() && !change.forms.has(id) && !change.dropped.includes(id)
  }

  function sync(): void {
    const a = api.value
    if (!a || a.isDestroyed() || untouched()) return
    const list = rows()
    const delta = rowDelta(shown, list)
    if (delta === 'reset') return showAll(a)
    shown = list.slice()
    shownFrom = list
    if (!isEmptyDelta(delta)) a.applyTransaction(delta)
  }

  watch(() => [rows(), rowsVersion()] as const, sync)
  return { showAll }
}

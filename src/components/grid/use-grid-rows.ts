import type { GridApi } from 'ag-grid-community'
import type { ShallowRef } from 'vue'
import type { RecordRow } from '@/core/schema/types'
import { onBeforeUnmount, watch } from 'vue'
import { Pace } from '@/core/utils/pace'
import { useRecordsStore } from '@/stores/records'
import type { RowDelta } from './row-delta'
import { isEmptyDelta, MAX_DELTA, rowDelta } from './row-delta'

/**
 * Keeps AG Grid's rows in step with `rows`: a change reaches the grid as a row transaction
 * (edited rows updated, rows that left removed, new ones appended) while the order of the kept
 * rows is unchanged, else rowData is reset. A records change of another form is skipped.
 * Edited rows alone (no row left, none added: a typed cell) are handed to their row nodes
 * (`updateData`), which redraws only the changed cells of rows on screen: a transaction runs
 * AG Grid's whole row model (sort, filter and row positions of every row, 16-40 ms at 100k)
 * though the grid neither sorts nor filters (core/query does, and an edit that moves a row or
 * takes it out of the view arrives here as a reset or a removal).
 * The batches of a bulk write (an import) only appending rows are handed over paced (`Pace`):
 * each transaction costs time in the rows held, so one per batch made an import into an open
 * grid quadratic (5.2 s of a 100k import; the grid takes at most a ninth of the time now).
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

  const pace = new Pace()

  /** Whether `delta` only appends rows of a bulk write's batch to rows the grid already holds. */
  function bulkAppend(delta: RowDelta): boolean {
    const change = recordsStore.lastChange
    return shown.length > 0 && delta.add.length > 0 && delta.remove.length === 0 && delta.update.length === 0
      && !!change?.bulk && change.version === rowsVersion()
  }

  /** `paced`: the paced hand-over's turn (its rows are due whatever the last change touched). */
  function sync(paced = false): void {
    const a = api.value
    if (!a || a.isDestroyed() || (!paced && untouched())) return
    const list = rows()
    const delta = rowDelta(shown, list)
    // A paced hand-over waiting: its rows are not in `shown` yet, and come with the next one.
    if (delta !== 'reset' && bulkAppend(delta) && pace.later(() => sync(true))) return
    pace.cancel()
    if (delta === 'reset') return showAll(a)
    shown = list.slice()
    shownFrom = list
    if (isEmptyDelta(delta)) return
    pace.run(() => {
      if (!updateNodes(a, delta)) a.applyTransaction(delta)
    })
  }

  watch(() => [rows(), rowsVersion()] as const, () => sync())
  onBeforeUnmount(() => pace.cancel())
  return { showAll }
}

/** Gives edited rows to their row nodes when that is all a delta does; false when a transaction is needed. */
function updateNodes(a: GridApi<RecordRow>, delta: RowDelta): boolean {
  if (delta.remove.length > 0 || delta.add.length > 0 || delta.update.length > MAX_DELTA) return false
  const nodes = delta.update.map(r => a.getRowNode(r.id))
  if (nodes.some(n => !n)) return false
  nodes.forEach((n, i) => n!.updateData(delta.update[i]!))
  return true
}

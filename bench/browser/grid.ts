/** A plain AG Grid (no Vue, value getters only) with its built-in sort and quick filter: the sort-filter baseline. */
import type { GridApi } from 'ag-grid-community'
import type { FieldDef, RecordRow } from '@/core/schema/types'
import { AllCommunityModule, createGrid, ModuleRegistry, themeQuartz } from 'ag-grid-community'

let registered = false

/** Creates a plain grid in #plain over `rows`. */
export function plainGrid(fields: FieldDef[], rows: RecordRow[]): GridApi<RecordRow> {
  if (!registered) {
    ModuleRegistry.registerModules([AllCommunityModule])
    registered = true
  }
  const host = document.getElementById('plain') as HTMLElement
  host.replaceChildren()
  return createGrid<RecordRow>(host, {
    theme: themeQuartz,
    columnDefs: fields.filter(f => f.type !== 'separator' && f.type !== 'description').map(f => ({ colId: f.id, headerName: f.id, valueGetter: p => p.data?.values[f.id] ?? null })),
    getRowId: p => p.data.id,
    rowData: rows,
    defaultColDef: { sortable: true },
  })
}

/** Resolves once #grid shows its first data row (checked every animation frame). */
export function firstRows(): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (document.querySelector('#grid .ag-row[row-id] .ag-cell')) resolve()
      else requestAnimationFrame(check)
    }
    check()
  })
}

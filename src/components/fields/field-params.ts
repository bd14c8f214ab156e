import type { ICellEditorParams, ICellRendererParams } from 'ag-grid-community'
import type { FieldDef, RecordRow } from '@/core/schema/types'
import type { FieldUiContext } from './field-tags'

/** What every field cell renderer gets from the grid: ag-grid's params plus the field and context. */
export type FieldCellParams = ICellRendererParams<RecordRow> & { field: FieldDef, ui: FieldUiContext }

/** What every field cell editor gets from the grid. */
export type FieldEditorParams = ICellEditorParams<RecordRow> & { field: FieldDef, ui: FieldUiContext }

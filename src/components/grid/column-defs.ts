import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import type { FieldDef, Locale, Member, RecordRow } from '@/core/schema/types'
import { formatCell } from './format-cell'
import { labelText } from '@/core/utils/label'

export interface ColumnContext {
  locale: Locale
  members: Member[]
  /** Cell errors keyed `${recordId}:${fieldId}`, shown with a red border and a tooltip. */
  cellErrors: Map<string, string>
}

const EDITOR: Partial<Record<FieldDef['type'], string>> = {
  text: 'agTextCellEditor',
  phone: 'agTextCellEditor',
  email: 'agTextCellEditor',
  url: 'agTextCellEditor',
  textarea: 'agLargeTextCellEditor',
  number: 'agNumberCellEditor',
  money: 'agNumberCellEditor',
  percent: 'agNumberCellEditor',
  date: 'agDateStringCellEditor',
  checkbox: 'agCheckboxCellEditor',
  select: 'agSelectCellEditor',
  stage: 'agSelectCellEditor',
}

function editorParams(field: FieldDef, ctx: ColumnContext): Record<string, unknown> | undefined {
  if (field.type === 'select') return { values: ['', ...field.options.choices.map(c => c.id)], formatValue: (v: string) => optionLabel(field, v, ctx) }
  if (field.type === 'stage') return { values: field.options.stages.map(s => s.id), formatValue: (v: string) => optionLabel(field, v, ctx) }
  if (field.type === 'textarea') return { maxLength: 100000, rows: 6, cols: 40 }
  return undefined
}

function optionLabel(field: FieldDef, id: string, ctx: ColumnContext): string {
  if (field.type === 'select' || field.type === 'multiselect') return labelText(field.options.choices.find(c => c.id === id)?.label, ctx.locale) || id
  if (field.type === 'stage') return labelText(field.options.stages.find(s => s.id === id)?.label, ctx.locale) || id
  return id
}

/** Maps a form's fields to AG Grid column definitions (pure: no grid, no store). */
export function buildColumnDefs(fields: FieldDef[], ctx: ColumnContext): ColDef<RecordRow>[] {
  return fields
    .filter(f => f.type !== 'separator' && f.type !== 'description')
    .map((field) => {
      const editor = EDITOR[field.type]
      const key = (p: { data?: RecordRow }) => `${p.data?.id}:${field.id}`
      return {
        colId: field.id,
        headerName: labelText(field.label, ctx.locale) + (field.required ? ' *' : ''),
        headerTooltip: labelText(field.description, ctx.locale) || undefined,
        valueGetter: p => p.data?.values[field.id] ?? null,
        valueFormatter: (p: ValueFormatterParams<RecordRow>) => formatCell(field, p.value, ctx),
        editable: !!editor && !field.readOnly,
        cellEditor: editor,
        cellEditorParams: editorParams(field, ctx),
        cellDataType: false,
        tooltipValueGetter: p => ctx.cellErrors.get(key(p)),
        cellClassRules: { 'fg-cell-error': p => ctx.cellErrors.has(key(p)) },
        minWidth: 100,
        width: field.type === 'textarea' ? 240 : field.type === 'checkbox' ? 100 : 160,
      } satisfies ColDef<RecordRow>
    })
}

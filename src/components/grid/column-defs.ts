import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import type { FieldDef, Locale, Member, RecordRow } from '@/core/schema/types'
import type { FieldUiContext } from '@/components/fields/field-tags'
import { fieldUi } from '@/components/fields/registry'
import { isWritableField, cellValue, formatLookup } from '@/core/records'
import { labelText } from '@/core/utils/label'
import { stageCanAlert } from '@/core/metrics'
import { formatCell } from './format-cell'

export interface ColumnContext {
  locale: Locale
  members: Member[]
  /** Cell errors keyed `${recordId}:${fieldId}`, shown with a red border and a tooltip. */
  cellErrors: Map<string, string>
  /** Relation titles and pickers; without it relation cells show ids and pick nothing. */
  ui?: FieldUiContext
  /** True for cells inside the selected range (drawn with `fg-range`). */
  inRange?: (row: number, colId: string) => boolean
  /** True for the range's bottom-right cell (it carries the fill handle). */
  isRangeCorner?: (row: number, colId: string) => boolean
  /** The message of a field two people changed at once (team sync), shown with a ⚠ marker until picked. */
  conflict?: (recordId: string, fieldId: string) => string | undefined
  /** No cell is editable (a viewer of a shared workspace). */
  readOnly?: boolean
}

function uiContext(ctx: ColumnContext): FieldUiContext {
  return ctx.ui ?? { locale: ctx.locale, members: ctx.members, relationTitle: () => undefined, relationOptions: () => [] }
}

function alignOf(field: FieldDef): 'left' | 'right' | 'center' {
  if (field.type === 'formula') return field.options.resultType === 'number' ? 'right' : 'left'
  return fieldUi[field.type].align
}

/** Maps a form's fields to AG Grid column definitions through the field UI registry (no grid, no store). */
export function buildColumnDefs(fields: FieldDef[], ctx: ColumnContext): ColDef<RecordRow>[] {
  const ui = uiContext(ctx)
  return fields
    .filter(f => f.type !== 'separator' && f.type !== 'description')
    .map((field) => {
      const entry = fieldUi[field.type]
      const key = (p: { data?: RecordRow }) => `${p.data?.id}:${field.id}`
      const params = { field, ui }
      const row = (p: { node: { rowIndex: number | null } | null }) => p.node?.rowIndex ?? -1
      const align = alignOf(field)
      const source = field.type === 'lookup' ? ui.lookupSource?.(field) : undefined
      return {
        colId: field.id,
        headerName: labelText(field.label, ctx.locale) + (field.required ? ' *' : ''),
        headerTooltip: labelText(field.description, ctx.locale) || undefined,
        valueGetter: p => (p.data ? cellValue(field, p.data) : null),
        valueFormatter: (p: ValueFormatterParams<RecordRow>) => (source
          ? formatLookup(p.value, source, { locale: ctx.locale, members: ctx.members, relationTitle: ui.relationTitle })
          : formatCell(field, p.value, { ...ctx, relationTitle: ui.relationTitle })),
        cellRenderer: entry.Cell ?? undefined,
        cellRendererParams: entry.Cell ? params : undefined,
        editable: !ctx.readOnly && !!entry.Editor && isWritableField(field),
        cellEditor: entry.Editor ?? undefined,
        cellEditorParams: typeof entry.Editor === 'string' ? (field.type === 'textarea' ? { maxLength: 100000, rows: 6, cols: 40 } : undefined) : params,
        cellEditorPopup: field.type === 'textarea' || entry.Editor === fieldUi.select.Editor,
        cellDataType: false,
        tooltipValueGetter: p => ctx.cellErrors.get(key(p)) ?? (p.data ? ctx.conflict?.(p.data.id, field.id) : undefined),
        cellClass: align === 'left' ? undefined : `fg-align-${align}`,
        cellClassRules: {
          'fg-cell-error': p => ctx.cellErrors.has(key(p)),
          'fg-range': p => !!ctx.inRange?.(row(p), field.id),
          'fg-range-corner': p => !!ctx.isRangeCorner?.(row(p), field.id),
          'fg-readonly': () => !isWritableField(field),
          'fg-cell-conflict': p => !!p.data && !!ctx.conflict?.(p.data.id, field.id),
        },
        context: { parse: entry.parse },
        // Enter on a score cell opens its explanation (FieldScoreCell) instead of moving down
        suppressKeyboardEvent: field.type === 'score' ? p => p.event.key === 'Enter' : undefined,
        minWidth: 80,
        // a stage that can stall or be snoozed says so beside its chip ("⏸ 暂缓至 2026-03-20")
        width: field.type === 'stage' && stageCanAlert(field) ? 300 : fieldUi[field.type].width ?? 160,
      } satisfies ColDef<RecordRow>
    })
}

import type { CellEditingStartedEvent, CellEditRequestEvent, GridApi } from 'ag-grid-community'
import type { ParseContext } from '@/core/fields'
import type { FieldDef, Locale, Member, RecordRow } from '@/core/schema/types'
import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { behaviourOf } from '@/core/fields'
import { labelText } from '@/core/utils/label'
import { useRecordsStore } from '@/stores/records'

/** Options of useGridCellEdit. */
export interface UseGridCellEditOptions {
  formId: () => string
  fields: () => readonly FieldDef[]
  locale: () => Locale
  members: () => readonly Member[]
  /** Resolves relation text to a record id (typing a relation cell). */
  findRecord?: ParseContext['findRecord']
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/**
 * The one path of a cell typed in the grid: parse the text with the field type, write it
 * through the records store (validation, derived values, undo step, commit), then mark the
 * cell refused (red, tooltip) or clear its mark, and show one message that names the row and
 * the column. `cellErrors` is what the column definitions read to draw the marks.
 */
export function useGridCellEdit(api: () => GridApi<RecordRow> | undefined, options: UseGridCellEditOptions) {
  const { t } = useI18n()
  const records = useRecordsStore()
  const cellErrors = new Map<string, string>()

  /** Marks a cell invalid or clears it; the grid redraws that cell. */
  function setCellError(recordId: string, fieldId: string, message: string | null): void {
    const key = `${recordId}:${fieldId}`
    if (message) cellErrors.set(key, message)
    else if (!cellErrors.delete(key)) return
    const grid = api()
    const node = grid?.getRowNode(recordId)
    if (node && !grid!.isDestroyed()) grid!.refreshCells({ rowNodes: [node], columns: [fieldId], force: true })
  }

  function refuse(recordId: string, field: FieldDef, rowIndex: number | null, reason: string): void {
    setCellError(recordId, field.id, reason)
    ElMessage({ type: 'error', message: t('gridEdit.editRefused', { row: (rowIndex ?? 0) + 1, column: labelText(field.label, options.locale()), reason }), duration: 5000 })
  }

  /** The cell whose editor is open: its record's rev and the cell's value when the editor opened. */
  let started: { recordId: string, fieldId: string, rev: number, value: unknown } | undefined

  function onCellEditingStarted(e: CellEditingStartedEvent<RecordRow>): void {
    const fieldId = e.column.getColId()
    started = e.data ? { recordId: e.data.id, fieldId, rev: e.data.rev, value: e.data.values[fieldId] } : undefined
  }

  /** When another tab changed this very cell while its editor was open: the rev the user saw (see RecordPatch.baseRev). */
  function baseRevOf(row: RecordRow, fieldId: string): number | undefined {
    const s = started
    started = undefined
    if (!s || s.recordId !== row.id || s.fieldId !== fieldId || s.rev === row.rev) return undefined
    return sameValue(s.value, row.values[fieldId]) ? undefined : s.rev
  }

  /** AG Grid's edit request (the grid is read-only-edit: nothing changes until the store accepts it). */
  async function onCellEditRequest(e: CellEditRequestEvent<RecordRow>): Promise<void> {
    const field = options.fields().find(f => f.id === e.column.getColId())
    if (!e.data || !field) return
    const recordId = e.data.id
    let value: unknown = e.newValue === '' ? null : e.newValue
    if ((e.colDef.context as { parse?: boolean } | undefined)?.parse && typeof e.newValue === 'string') {
      const parsed = behaviourOf(field).parseText(e.newValue, field, { members: options.members(), findRecord: options.findRecord })
      if (!parsed.ok) return refuse(recordId, field, e.rowIndex, parsed.error[options.locale()])
      value = parsed.value
    }
    if (sameValue(value, e.oldValue)) return setCellError(recordId, field.id, null)
    const current = records.ensure(options.formId()).byId.get(recordId) ?? e.data
    const result = await records.update(options.formId(), [{ recordId, values: { [field.id]: value }, baseRev: baseRevOf(current, field.id) }])
    if (result.ok) return setCellError(recordId, field.id, null)
    const reason = result.issues.flatMap(r => r.issues).map(i => i.message[options.locale()]).join('; ')
    refuse(recordId, field, e.rowIndex, reason)
  }

  return { cellErrors, setCellError, onCellEditingStarted, onCellEditRequest }
}

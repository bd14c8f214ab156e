import type { GridApi } from 'ag-grid-community'
import type { ShallowRef } from 'vue'
import type { ParseContext } from '@/core/fields'
import type { CellRange, CellProblem, WritePlan, WriteResult, UndoAction } from '@/core/records'
import { planClear, planFillDown, rangeText, planPaste, parseTsv, serializeTsv, validatorFor } from '@/core/records'
import type { FieldDef, Label, Locale, Member, RecordRow } from '@/core/schema/types'
import type { UseGridRangeReturn } from './use-grid-range'
import { ElMessage } from 'element-plus'
import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { fieldRegistry } from '@/core/fields'
import { labelText } from '@/core/utils/label'
import { ROLE_REFUSED, useRecordsStore } from '@/stores/records'
import { useSyncStore } from '@/stores/sync'
import { useWorkspaceStore } from '@/stores/workspace'
import { isTyping, useUndoRedo } from './use-undo-redo'

/** One refused cell as the report lists it: 1-based row number, column label, the text and why. */
export interface ReportLine {
  row: number
  column: string
  text: string
  reason: string
}

/** What a paste, fill or clear did, for the report dialog. */
export interface EditReport {
  action: UndoAction
  applied: number
  added: number
  clipped: number
  problems: ReportLine[]
}

/** Options of useGridEditing. */
export interface UseGridEditingOptions {
  formId: () => string
  fields: () => FieldDef[]
  locale: () => Locale
  members: () => readonly Member[]
  /** Resolves relation text to a record id of a form (for pasting relation cells). */
  findRecord?: ParseContext['findRecord']
}

/**
 * Copy (TSV), paste (TSV from Excel, WPS, Google Sheets), fill down, clear and undo/redo for
 * the grid. Writes go through the records store as one update per action, so each action is
 * one undo step; refused cells are collected in `report`.
 */
export function useGridEditing(api: () => GridApi<RecordRow> | undefined, range: UseGridRangeReturn, options: UseGridEditingOptions) {
  const { t } = useI18n()
  const records = useRecordsStore()
  const sync = useSyncStore()
  const workspace = useWorkspaceStore()
  const report: ShallowRef<EditReport | undefined> = shallowRef()
  const { undoOrRedo } = useUndoRedo(options.formId, options.locale)

  const editing = () => (api()?.getEditingCells?.() ?? []).length > 0
  const form = () => { const id = options.formId(); return id ? workspace.formById.get(id) : undefined }

  function columns(): FieldDef[] {
    const byId = new Map(options.fields().map(f => [f.id, f]))
    return range.displayedColumnIds().map(id => byId.get(id)).filter((f): f is FieldDef => !!f)
  }

  function rows(): RecordRow[] {
    const out: RecordRow[] = []
    api()?.forEachNodeAfterFilterAndSort((n) => { if (n.data) out.push(n.data) })
    return out
  }

  const label = (l: Label) => labelText(l, options.locale())
  const lines = (problems: CellProblem[], cols: FieldDef[]): ReportLine[] => problems.map(p => ({
    row: p.row + 1,
    column: label(cols.find(f => f.id === p.fieldId)?.label ?? p.label),
    text: p.text ?? '',
    reason: p.message[options.locale()],
  }))

  function refusedLines(result: Extract<WriteResult, { ok: false }>, list: RecordRow[]): ReportLine[] {
    return result.issues.flatMap(r => r.issues.map(i => ({
      row: list.findIndex(x => x.id === r.recordId) + 1,
      column: i.label === undefined ? '' : label(i.label),
      text: '',
      reason: i.message[options.locale()],
    })))
  }

  /** Applies a plan as one write and one undo step; reports refused cells. */
  async function apply(action: UndoAction, plan: WritePlan, cols: FieldDef[], list: RecordRow[], clipped = 0): Promise<void> {
    const formId = options.formId()
    if (!formId || sync.refuseRecordEdit(formId)) return
    let problems = lines(plan.problems, cols)
    let applied = plan.applied
    if (plan.patches.length || plan.newRows.length) {
      const result = await records.updateAndAdd(formId, plan.patches, plan.newRows, { undo: action })
      // Refused for the team role: the shell says why; there is no cell to point at.
      if (!result.ok && result.issues.every(r => r.issues.every(i => i.code === ROLE_REFUSED))) return
      if (!result.ok) {
        problems = [...problems, ...refusedLines(result, list)]
        applied = 0
      }
    }
    const added = applied ? plan.newRows.length : 0
    if (problems.length || clipped) report.value = { action, applied, added, clipped, problems }
    else ElMessage({ type: 'success', message: t('gridEdit.applied', { what: t(`gridEdit.action.${action}`), n: applied }), duration: 2000 })
  }

  function copyText(): string | undefined {
    const r = range.current()
    if (!r) return undefined
    const ctx = { locale: options.locale(), members: options.members() }
    return serializeTsv(rangeText(columns(), rows(), r, (f, v) => fieldRegistry[f.type].format(v, f as never, ctx)))
  }

  async function paste(text: string, at: CellRange | undefined = range.current()): Promise<void> {
    const f = form()
    const block = parseTsv(text)
    if (!f || !at || !block.length) return
    const cols = columns()
    const list = rows()
    const plan = planPaste({ columns: cols, rows: list, target: at, block, validate: validatorFor(f), parse: { members: options.members(), findRecord: options.findRecord } })
    await apply('paste', plan, cols, list, plan.clippedColumns)
    range.select({ row: plan.area.top, col: plan.area.left }, { row: plan.area.bottom, col: Math.min(plan.area.right, cols.length - 1) })
  }

  async function fillDown(at: CellRange | undefined = range.current()): Promise<void> {
    const f = form()
    if (!f || !at || at.bottom <= at.top) return
    const cols = columns()
    const list = rows()
    await apply('fill', planFillDown(cols, list, at, validatorFor(f)), cols, list)
  }

  async function clear(at: CellRange | undefined = range.current()): Promise<void> {
    const f = form()
    if (!f || !at) return
    const cols = columns()
    const list = rows()
    await apply('clear', planClear(cols, list, at, validatorFor(f)), cols, list)
  }

  /** Keyboard shortcuts on the grid container (capture phase, so AG Grid does not see them). */
  function onKeyDown(e: KeyboardEvent): void {
    if (editing() || isTyping(e.target)) return
    const mod = e.ctrlKey || e.metaKey
    const key = e.key.toLowerCase()
    let run: (() => Promise<void>) | undefined
    if (mod && key === 'z') run = () => undoOrRedo(e.shiftKey ? 'redo' : 'undo')
    else if (mod && key === 'y') run = () => undoOrRedo('redo')
    else if (mod && key === 'd') run = () => fillDown()
    else if (!mod && (e.key === 'Delete' || e.key === 'Backspace') && range.range.value) run = () => clear()
    if (!run) return
    e.preventDefault()
    e.stopPropagation()
    void run()
  }

  function onCopy(e: ClipboardEvent): void {
    if (editing() || isTyping(e.target)) return
    const text = copyText()
    if (text === undefined || !e.clipboardData) return
    e.clipboardData.setData('text/plain', text)
    e.preventDefault()
  }

  function onPaste(e: ClipboardEvent): void {
    if (editing() || isTyping(e.target)) return
    const text = e.clipboardData?.getData('text/plain') ?? ''
    e.preventDefault()
    void paste(text)
  }

  return { report, copyText, paste, fillDown, clear, undo: () => undoOrRedo('undo'), redo: () => undoOrRedo('redo'), onKeyDown, onCopy, onPaste }
}

import type { LocalizedMessage } from '../fields/behaviour'
import type { FieldDef, Label, RecordRow } from '../schema/types'
import type { RecordPatch, ValuesValidator } from './mutations'
import { behaviourOf } from '../fields/registry'

/** One value to write into one displayed cell. A row index past the last row means a new record. */
export interface CellWrite {
  row: number
  field: FieldDef
  value: unknown
  /** The text the value came from (pasted cells), for the report. */
  text?: string
}

/** A cell that was not written, and why; `row` is the 0-based displayed row. */
export interface CellProblem {
  row: number
  fieldId: string
  label: Label
  text?: string
  message: LocalizedMessage
}

/** Writes grouped into one update (patches) plus new records, with the refused cells. */
export interface WritePlan {
  patches: RecordPatch[]
  /** Values of records to add after the last row, in display order. */
  newRows: Record<string, unknown>[]
  /** Number of cells that will be written. */
  applied: number
  problems: CellProblem[]
}

/** True when people may write the field from the grid (not computed, not read-only). */
export function isWritableField(field: FieldDef): boolean {
  return !behaviourOf(field).computed && !field.readOnly
}

/** The message for a cell in a read-only or computed column. */
export const READ_ONLY_MESSAGE: LocalizedMessage = { 'zh-CN': '该字段只读或由系统计算，不能填写', 'en': 'this field is read-only or computed and cannot be written' }

function groupByRow(writes: readonly CellWrite[]): Map<number, CellWrite[]> {
  const byRow = new Map<number, CellWrite[]>()
  for (const w of writes) {
    const list = byRow.get(w.row)
    if (list) list.push(w)
    else byRow.set(w.row, [w])
  }
  return byRow
}

/**
 * Validates one row's writes against the whole record and drops the cells the validator
 * blames, until the rest is valid. When what is left is still refused for a field not
 * written here (a required field left empty, say) every cell of the row is refused.
 */
function settleRow(row: number, cells: CellWrite[], base: Record<string, unknown> | undefined, validate: ValuesValidator, problems: CellProblem[]): Record<string, unknown> {
  const byField = new Map(cells.map(c => [c.field.id, c]))
  const values: Record<string, unknown> = Object.fromEntries(cells.map(c => [c.field.id, c.value]))
  for (;;) {
    if (byField.size === 0) return values
    const issues = validate({ ...base, ...values }, base)
    if (!issues.length) return values
    const own = issues.filter(i => byField.has(i.fieldId))
    const blamed = own.length ? own : issues
    for (const issue of blamed) {
      const targets = own.length ? [byField.get(issue.fieldId)] : [...byField.values()]
      for (const c of targets) {
        if (!c) continue
        problems.push({ row, fieldId: c.field.id, label: c.field.label, text: c.text, message: issue.message })
        byField.delete(c.field.id)
        delete values[c.field.id]
      }
      if (!own.length) return {}
    }
  }
}

/**
 * Turns cell writes into one update of existing records (by displayed row) plus new
 * records for rows past the end. Each touched record is validated whole; cells the
 * validator refuses are reported and left out, the rest stays in the plan.
 */
export function planCellWrites(rows: readonly RecordRow[], writes: readonly CellWrite[], validate: ValuesValidator): WritePlan {
  const plan: WritePlan = { patches: [], newRows: [], applied: 0, problems: [] }
  const byRow = groupByRow(writes)
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const record = rows[row]
    const values = settleRow(row, byRow.get(row)!, record?.values, validate, plan.problems)
    const n = Object.keys(values).length
    if (n === 0) continue
    plan.applied += n
    if (record) plan.patches.push({ recordId: record.id, values })
    else plan.newRows.push(values)
  }
  return plan
}

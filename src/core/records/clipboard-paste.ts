import type { ParseContext } from '../fields/behaviour'
import type { FieldDef, RecordRow } from '../schema/types'
import type { CellRange } from './cell-range'
import type { CellProblem, CellWrite, WritePlan } from './cell-writes'
import type { ValuesValidator } from './mutations'
import { behaviourOf } from '../fields/registry'
import { pasteArea } from './cell-range'
import { isWritableField, planCellWrites, READ_ONLY_MESSAGE } from './cell-writes'

/** What a paste needs: the grid as displayed, where to paste, and the parsed block. */
export interface PasteInput {
  /** Displayed columns, left to right. */
  columns: readonly FieldDef[]
  /** Displayed rows, top to bottom. */
  rows: readonly RecordRow[]
  /** The selection; the block lands at its top-left cell (and repeats to fill it when it fits a whole number of times). */
  target: CellRange
  /** Rows of cell text, from parseTsv. */
  block: readonly (readonly string[])[]
  validate: ValuesValidator
  /** Members, date order and relation lookup for parsing. */
  parse?: ParseContext
  /**
   * Add records for block rows below the last row.
   * @default true
   */
  addRows?: boolean
}

/** A paste plan: the writes, the refused cells, the area covered and how many block columns fell off the right edge. */
export interface PastePlan extends WritePlan {
  area: CellRange
  clippedColumns: number
}

/**
 * Plans a paste: each cell's text is coerced with its field type's parseText; cells that do
 * not parse, land in read-only columns or make their record invalid are reported and skipped;
 * the rest becomes one update plus new records for rows past the end.
 */
export function planPaste(input: PasteInput): PastePlan {
  const { columns, rows, target, block, validate, parse, addRows = true } = input
  const blockRows = block.length
  const blockCols = Math.max(0, ...block.map(r => r.length))
  const area = pasteArea(target, blockRows, blockCols)
  const writes: CellWrite[] = []
  const problems: CellProblem[] = []
  const lastRow = addRows ? area.bottom : Math.min(area.bottom, rows.length - 1)
  for (let r = area.top; r <= lastRow; r++) {
    const line = block[(r - area.top) % blockRows]!
    for (let c = area.left; c <= Math.min(area.right, columns.length - 1); c++) {
      const text = line[(c - area.left) % blockCols]
      const field = columns[c]!
      if (text === undefined) continue
      if (!isWritableField(field)) {
        if (text !== '') problems.push({ row: r, fieldId: field.id, label: field.label, text, message: READ_ONLY_MESSAGE })
        continue
      }
      const parsed = behaviourOf(field).parseText(text, field, parse)
      if (parsed.ok) writes.push({ row: r, field, value: parsed.value, text })
      else problems.push({ row: r, fieldId: field.id, label: field.label, text, message: parsed.error })
    }
  }
  const plan = planCellWrites(rows, writes, validate)
  plan.problems = [...problems, ...plan.problems].sort((a, b) => a.row - b.row || columns.findIndex(f => f.id === a.fieldId) - columns.findIndex(f => f.id === b.fieldId))
  return { ...plan, area, clippedColumns: Math.max(0, area.right - (columns.length - 1)) }
}

import type { FieldDef, RecordRow } from '../schema/types'
import type { CellRange } from './cell-range'
import type { CellWrite, WritePlan } from './cell-writes'
import type { ValuesValidator } from './mutations'
import { behaviourOf } from '../fields/registry'
import { isWritableField, planCellWrites } from './cell-writes'
import { cellValue } from './cell-value'

function writableColumns(columns: readonly FieldDef[], range: CellRange): FieldDef[] {
  return columns.slice(range.left, range.right + 1).filter(isWritableField)
}

/**
 * Fill down (Ctrl+D, or dragging the fill handle): every cell of the range below its first
 * row gets the first row's value of its column. Read-only columns are left alone.
 */
export function planFillDown(columns: readonly FieldDef[], rows: readonly RecordRow[], range: CellRange, validate: ValuesValidator): WritePlan {
  const source = rows[range.top]
  const writes: CellWrite[] = []
  if (!source) return planCellWrites(rows, writes, validate)
  for (const field of writableColumns(columns, range)) {
    const value = source.values[field.id] ?? behaviourOf(field).emptyValue
    for (let r = range.top + 1; r <= Math.min(range.bottom, rows.length - 1); r++) {
      writes.push({ row: r, field, value: structuredClone(value) })
    }
  }
  return planCellWrites(rows, writes, validate)
}

/** Clears every writable cell of the range (the Delete key) to its type's empty value. */
export function planClear(columns: readonly FieldDef[], rows: readonly RecordRow[], range: CellRange, validate: ValuesValidator): WritePlan {
  const writes: CellWrite[] = []
  for (const field of writableColumns(columns, range)) {
    for (let r = range.top; r <= Math.min(range.bottom, rows.length - 1); r++) {
      writes.push({ row: r, field, value: structuredClone(behaviourOf(field).emptyValue) })
    }
  }
  return planCellWrites(rows, writes, validate)
}

/** The cells of a range as text rows, for copying (each value formatted by `format`). */
export function rangeText(columns: readonly FieldDef[], rows: readonly RecordRow[], range: CellRange, format: (field: FieldDef, value: unknown) => string): string[][] {
  const out: string[][] = []
  for (let r = range.top; r <= Math.min(range.bottom, rows.length - 1); r++) {
    const row = rows[r]!
    out.push(columns.slice(range.left, range.right + 1).map(f => format(f, cellValue(f, row))))
  }
  return out
}

import type { FieldDef } from '../schema/types'
import type { ColumnMapping } from './auto-map'
import { behaviourOf } from '../fields/registry'
import { labelText } from '../utils/label'
import { normalizeHeader } from './auto-map'

/** A column of the file that will not be imported, and why. */
export interface SkippedColumn {
  col: number
  header: string
  /**
   * chosen: a field matches it, but the user set "Do not import";
   * fieldTaken: its field already takes another column (`field`: that field's id);
   * noField: no field of the form matches its name.
   */
  reason: 'chosen' | 'fieldTaken' | 'noField'
  field?: string
}

/**
 * Every column `mapping` leaves out, with the reason, so none is dropped without a word: a
 * column whose name matches a writable field (label in either locale or id, ignoring case and
 * punctuation) was left out by choice or because that field takes another column.
 */
export function skippedColumns(headers: readonly string[], mapping: ColumnMapping, fields: readonly FieldDef[]): SkippedColumn[] {
  const writable = fields.filter(f => !behaviourOf(f).computed)
  const byName = new Map<string, string>()
  for (const f of writable) {
    for (const name of [labelText(f.label, 'zh-CN'), labelText(f.label, 'en'), f.id].map(normalizeHeader)) {
      if (name !== '' && !byName.has(name)) byName.set(name, f.id)
    }
  }
  const used = new Set(mapping.filter((id): id is string => id !== null))
  const out: SkippedColumn[] = []
  headers.forEach((header, col) => {
    if (mapping[col] !== null && mapping[col] !== undefined) return
    const field = byName.get(normalizeHeader(header))
    if (field === undefined) out.push({ col, header, reason: 'noField' })
    else out.push({ col, header, reason: used.has(field) ? 'fieldTaken' : 'chosen', field })
  })
  return out
}

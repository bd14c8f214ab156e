import type { FieldDef } from '../schema/types'
import type { ColumnKind } from './infer-kind'
import { assertNever } from '../utils/assert-never'
import { newFieldId } from '../utils/id'
import { inferColumnKind } from './infer-kind'

/**
 * Proposes fields for "new form from a file": one per column, labelled with the header and
 * typed from the sample rows (number, money, percent, date, select with the distinct values as
 * choices, checkbox, email, phone, url, textarea, text). Ids are fresh; the user edits the
 * proposal before the form is created. Blank headers become "Column N"; a repeated header gets
 * " (2)", " (3)"… so no column is lost to a name clash.
 */
export function inferFields(headers: readonly string[], sampleRows: readonly (readonly string[])[]): FieldDef[] {
  const taken = new Set<string>()
  return headers.map((header, col) => {
    const label = uniqueLabel(header.trim() === '' ? `Column ${col + 1}` : header.trim(), taken)
    return fieldOfKind(inferColumnKind(sampleRows.map(r => r[col] ?? '')), newFieldId(), label)
  })
}

/** `label`, or `label (2)`, `label (3)`… when an earlier column already has it: every column stays a field. */
function uniqueLabel(label: string, taken: Set<string>): string {
  let out = label
  for (let n = 2; taken.has(out); n++) out = `${label} (${n})`
  taken.add(out)
  return out
}

/** A field definition for an inferred column kind. */
export function fieldOfKind(k: ColumnKind, id: string, label: string): FieldDef {
  switch (k.kind) {
    case 'empty':
    case 'text': return { id, label, type: 'text' }
    case 'textarea': return { id, label, type: 'textarea' }
    case 'email': return { id, label, type: 'email' }
    case 'url': return { id, label, type: 'url' }
    case 'phone': return { id, label, type: 'phone' }
    case 'checkbox': return { id, label, type: 'checkbox' }
    case 'number': return { id, label, type: 'number' }
    case 'percent': return { id, label, type: 'percent' }
    case 'money': return { id, label, type: 'money', options: { currency: k.currency } }
    case 'date': return { id, label, type: 'date', options: { granularity: k.withTime ? 'datetime' : 'date' } }
    case 'select': return {
      id,
      label,
      type: 'select',
      options: { choices: k.choices.map((c, i) => ({ id: `opt_${i + 1}`, label: c })) },
    }
    default: return assertNever(k, 'column kind')
  }
}

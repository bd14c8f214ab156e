/**
 * Changing a field's type: the new definition (keeping id, label and common props), a preview
 * of how the form's records convert, and the conversion itself, whose originals are kept in a
 * trash entry so they can be restored.
 */
import type { FieldDef, FieldType, RecordRow, TrashedField } from '../schema/types'
import type { LocalizedMessage } from '../fields/behaviour'
import type { NewFieldContext } from './new-field'
import { convertValue } from '../fields/convert-value'
import { behaviourOf } from '../fields/registry'
import { newFieldId } from '../utils/id'
import { defaultOptions } from './new-field'

/** One value that does not convert: the record, its old value and why. */
export interface ConversionFailure {
  recordId: string
  value: unknown
  error: LocalizedMessage
}

/** What converting the records would do. */
export interface TypeChangePreview {
  /** Records holding a non-empty value. */
  total: number
  /** Values that convert (changed or not). */
  converted: number
  /** Values that convert to exactly the same stored value. */
  unchanged: number
  /** Values that cannot convert and would become empty. */
  failed: number
  /** The first failures (at most `limit`). */
  failures: ConversionFailure[]
}

const CHOICE_TYPES: ReadonlySet<FieldType> = new Set(['select', 'multiselect'])

/** The field as `type`: id, label and common props kept; choices carried between select kinds. */
export function withType(field: FieldDef, type: FieldType, ctx: NewFieldContext): FieldDef {
  if (field.type === type) return field
  const { options: _old, type: _t, default: _d, unique, ...base } = field
  let options = defaultOptions(type, ctx)
  if (CHOICE_TYPES.has(type) && (field.type === 'select' || field.type === 'multiselect')) options = { choices: field.options.choices }
  if (CHOICE_TYPES.has(type) && field.type === 'stage') options = { choices: field.options.stages.map(({ id, label, color }) => ({ id, label, ...(color ? { color } : {}) })) }
  const keepUnique = unique && !behaviourOf({ type } as FieldDef).computed ? { unique } : {}
  return { ...base, ...keepUnique, type, ...(options ? { options } : {}) } as FieldDef
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Previews converting every record's value of `from` into `to` (same id, new definition). */
export function previewTypeChange(from: FieldDef, to: FieldDef, records: readonly RecordRow[], limit = 5): TypeChangePreview {
  const out: TypeChangePreview = { total: 0, converted: 0, unchanged: 0, failed: 0, failures: [] }
  const fromBehaviour = behaviourOf(from)
  for (const r of records) {
    const value = r.values[from.id]
    if (value === undefined || fromBehaviour.isEmpty(value)) continue
    out.total++
    const result = convertValue(value, from, to)
    if (result.ok) {
      out.converted++
      if (same(result.value, value)) out.unchanged++
      continue
    }
    out.failed++
    if (out.failures.length < limit) out.failures.push({ recordId: r.id, value, error: result.error })
  }
  return out
}

/** The records rewritten by a type change, and the trash entry keeping the originals (if any changed). */
export interface TypeChangeResult {
  /** Record id -> new values (only records whose values changed). */
  values: Map<string, Record<string, unknown>>
  trash?: TrashedField
}

/**
 * Converts the records' values of `from` into `to`. Every original that does not survive
 * unchanged (lost or altered) is copied under a new hidden field id, which becomes a trash
 * entry (reason 'typeChange') of the old definition: restoring it brings the originals back.
 */
export function convertRecords(from: FieldDef, to: FieldDef, records: readonly RecordRow[], now: number, copyLabel: (label: FieldDef['label']) => FieldDef['label']): TypeChangeResult {
  const values = new Map<string, Record<string, unknown>>()
  const keepId = newFieldId()
  const computed = behaviourOf(to).computed
  let kept = 0
  for (const r of records) {
    const value = r.values[from.id]
    if (value === undefined || behaviourOf(from).isEmpty(value)) continue
    const result = computed ? undefined : convertValue(value, from, to)
    const next = result?.ok ? result.value : behaviourOf(to).emptyValue
    if (same(next, value)) continue
    const v = { ...r.values }
    if (computed) delete v[from.id]
    else v[from.id] = next
    v[keepId] = value
    kept++
    values.set(r.id, v)
  }
  if (!kept) return { values }
  const copy = { ...from, id: keepId, label: copyLabel(from.label) } as FieldDef
  delete copy.unique
  delete copy.required
  return { values, trash: { field: copy, deletedAt: now, reason: 'typeChange', sourceFieldId: from.id } }
}

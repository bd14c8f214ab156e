/**
 * Lookup and rollup values: what a record shows of the records its relation field links to.
 *
 * - Lookup through a single relation: the target field's value of the linked record (null
 *   when nothing is linked, the record is gone, or its value is empty).
 * - Lookup through a multiple relation: the list of the linked records' non-empty target
 *   values in link order (list values flattened); null when that list is empty.
 * - Rollup: `count` counts the linked records that exist (without `targetField`) or their
 *   non-empty target values (with it); `sum` adds the numeric values (0 when there are
 *   none); `avg`, `min`, `max` give null when there is no numeric value. Non-numeric values
 *   (text, dates) are skipped, never counted as 0.
 */
import type { FieldDef, FieldOf, FormDef } from '../schema/types'
import type { RelatedRows } from './related-rows'
import { isEmptyValue } from '../fields/shared/empty'
import { assertNever } from '../utils/assert-never'

/** The lookup and rollup fields of a form. */
export type DerivedLinkField = FieldOf<'lookup'> | FieldOf<'rollup'>

/** The lookup and rollup fields of a form, in field order. */
export function linkFields(form: Pick<FormDef, 'fields'>): DerivedLinkField[] {
  return form.fields.filter((f): f is DerivedLinkField => f.type === 'lookup' || f.type === 'rollup')
}

/** The ids a relation value links to (a single id or a list), without empties and repeats. */
export function linkedIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  const out: string[] = []
  for (const v of list) if (typeof v === 'string' && v !== '' && !out.includes(v)) out.push(v)
  return out
}

function pushValue(out: unknown[], v: unknown): void {
  if (Array.isArray(v)) for (const item of v) pushValue(out, item)
  else if (!isEmptyValue(v)) out.push(v)
}

/** Rollup of the target values of the linked records (see module doc); `linked` counts the records. */
export function rollupOf(fn: FieldOf<'rollup'>['options']['fn'], values: readonly unknown[], linked: number, hasTarget: boolean): number | null {
  if (fn === 'count') return hasTarget ? values.length : linked
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  const clean = (n: number) => Number(n.toPrecision(15))
  switch (fn) {
    case 'sum': return clean(nums.reduce((a, b) => a + b, 0))
    case 'avg': return nums.length ? clean(nums.reduce((a, b) => a + b, 0) / nums.length) : null
    case 'min': return nums.length ? Math.min(...nums) : null
    case 'max': return nums.length ? Math.max(...nums) : null
    default: return assertNever(fn, 'rollup function')
  }
}

/** The value of one lookup or rollup field for a record with `values`, reading linked records from `related`. */
export function linkValue(field: DerivedLinkField, fields: readonly FieldDef[], values: Readonly<Record<string, unknown>>, related: RelatedRows): unknown {
  const rel = fields.find(f => f.id === field.options.relationField)
  if (rel?.type !== 'relation') return field.type === 'rollup' ? rollupOf(field.options.fn, [], 0, false) : null
  const rows = linkedIds(values[rel.id]).map(id => related.get(rel.options.formId, id)).filter(r => r !== undefined)
  const target = field.options.targetField
  const out: unknown[] = []
  if (target !== undefined) for (const r of rows) pushValue(out, r.values[target])
  if (field.type === 'rollup') return rollupOf(field.options.fn, out, rows.length, target !== undefined)
  if (!rel.options.multiple) {
    const v = rows[0]?.values[field.options.targetField]
    return isEmptyValue(v) ? null : structuredClone(v)
  }
  return out.length ? structuredClone(out) : null
}

/** New values of all lookup and rollup fields of a record. */
export function computeLinks(form: Pick<FormDef, 'fields'>, values: Readonly<Record<string, unknown>>, related: RelatedRows): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of linkFields(form)) out[f.id] = linkValue(f, form.fields, values, related)
  return out
}

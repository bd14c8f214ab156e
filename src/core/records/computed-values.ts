/** Splitting user input from computed values, and recomputing formula fields on every write. */
import type { FieldDef, FormDef } from '../schema/types'
import type { ComputeContext } from '../formula/compute'
import { behaviourOf } from '../fields/registry'
import { computeFormulas } from '../formula/compute'

/** Field ids whose values users never write (formula, lookup, rollup, serial, system, layout). */
export function computedIds(form: FormDef): Set<string> {
  return new Set(form.fields.filter(f => behaviourOf(f).computed).map(f => f.id))
}

/** The values without keys of computed fields (they are recomputed or assigned, never taken from input). */
export function withoutComputed(values: Readonly<Record<string, unknown>>, computed: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) if (!computed.has(k)) out[k] = v
  return out
}

function hasFormulas(fields: readonly FieldDef[]): boolean {
  return fields.some(f => f.type === 'formula' || (f.type === 'subform' && f.options.fields.some(c => c.type === 'formula')))
}

/** The values with every formula field (and subform formula column) recomputed. */
export function withFormulas(form: FormDef, values: Readonly<Record<string, unknown>>, ctx: ComputeContext): Record<string, unknown> {
  if (!hasFormulas(form.fields)) return { ...values }
  return { ...values, ...computeFormulas(form.fields, values, ctx) }
}

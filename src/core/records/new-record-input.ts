/**
 * The input of a new record as createRecords takes it: the values less computed fields, with
 * every absent field filled from its default. What that reads of the form (which fields are
 * computed, which have defaults) is found once per definition, not per record.
 */
import type { FieldDef, FormDef } from '../schema/types'
import type { DefaultContext } from './defaults'
import { behaviourOf } from '../fields/registry'
import { defaultValueOf } from './defaults'

interface InputPlan {
  fields: FormDef['fields']
  computed: ReadonlySet<string>
  /** Fields with a default that users write, in form order. */
  defaulted: readonly FieldDef[]
}

const plans = new WeakMap<FormDef, InputPlan>()

function planOf(form: FormDef): InputPlan {
  const hit = plans.get(form)
  if (hit && hit.fields === form.fields) return hit
  const plan: InputPlan = {
    fields: form.fields,
    computed: new Set(form.fields.filter(f => behaviourOf(f).computed).map(f => f.id)),
    defaulted: form.fields.filter(f => f.default && !behaviourOf(f).computed),
  }
  plans.set(form, plan)
  return plan
}

/**
 * `applyDefaults(form, withoutComputed(values, computedIds(form)), ctx)` in one copy: a new
 * plain object, keys in the same order.
 */
export function newRecordInput(form: FormDef, values: Readonly<Record<string, unknown>>, ctx: DefaultContext): Record<string, unknown> {
  const { computed, defaulted } = planOf(form)
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(values)) {
    // withoutComputed's assignment would set its copy's prototype, which applyDefaults' spread drops.
    if (k === '__proto__' || computed.has(k)) continue
    out[k] = values[k]
  }
  for (const field of defaulted) {
    if (out[field.id] !== undefined) continue
    const v = defaultValueOf(field, out, form.fields, ctx)
    if (v !== undefined && v !== null) out[field.id] = v
  }
  return out
}

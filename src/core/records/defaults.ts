/** Default values filled into a new record: a literal, now, the current member, or a formula. */
import type { DefaultValue, FieldDef, FormDef } from '../schema/types'
import type { ComputeContext } from '../formula/compute'
import { behaviourOf } from '../fields/registry'
import { computeFormulas } from '../formula/compute'
import { assertNever } from '../utils/assert-never'

/** What dynamic defaults need. */
export interface DefaultContext extends ComputeContext {
  now: number
  memberId?: string
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "Now" in the shape the field stores: a local day, a month's first day, an ISO instant, or epoch ms. */
function nowValue(field: FieldDef, now: number): unknown {
  const d = new Date(now)
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  if (field.type !== 'date') return field.type === 'number' ? now : day
  switch (field.options?.granularity ?? 'date') {
    case 'datetime': return d.toISOString()
    case 'month': return `${day.slice(0, 7)}-01`
    default: return day
  }
}

/** The default of one field for a record being created, or undefined when it has none. */
export function defaultValueOf(field: FieldDef, values: Readonly<Record<string, unknown>>, fields: readonly FieldDef[], ctx: DefaultContext): unknown {
  const def: DefaultValue | undefined = field.default
  if (!def || behaviourOf(field).computed) return undefined
  switch (def.kind) {
    case 'static': return structuredClone(def.value)
    case 'now': return nowValue(field, ctx.now)
    case 'currentMember': {
      if (!ctx.memberId) return undefined
      return field.type === 'member' && field.options?.multiple ? [ctx.memberId] : ctx.memberId
    }
    case 'formula': {
      const probe: FieldDef = { id: '__default__', label: '', type: 'formula', options: { expression: def.expression } }
      const out = computeFormulas([...fields, probe], values, { ...ctx, now: ctx.now })
      const v = out[probe.id]
      return typeof v === 'string' && v.startsWith('#') ? undefined : v
    }
    default: return assertNever(def, 'default value')
  }
}

/** The values with every absent field filled from its default (given values always win). */
export function applyDefaults(form: FormDef, values: Readonly<Record<string, unknown>>, ctx: DefaultContext): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values }
  for (const field of form.fields) {
    if (out[field.id] !== undefined) continue
    const v = defaultValueOf(field, out, form.fields, ctx)
    if (v !== undefined && v !== null) out[field.id] = v
  }
  return out
}

/** Choices of a member or select dashboard filter, narrowed by the other filters (cascading). */
import type { DashboardFilterDef, Label } from '../schema/types'
import type { DashboardContext } from './context'
import { filteredRecords } from './dashboard-filters'

/** One choice of a dashboard filter. */
export interface FilterChoice {
  value: string
  label: Label
  /** Records (of the filter's target forms) holding it under the other filters. */
  count: number
}

/**
 * The values a member/select filter can take: those present in its target forms' records
 * that pass every *other* dashboard filter (as 简道云 cascades), in option order for
 * select/stage fields, by member name for members. Values chosen now stay listed even
 * when they no longer occur, so a user can always untick them.
 */
export function filterChoices(filter: DashboardFilterDef, ctx: DashboardContext): FilterChoice[] {
  if (filter.kind === 'dateRange') return []
  const counts = new Map<string, number>()
  const optionOrder: { id: string, label: Label }[] = []
  for (const target of filter.targets) {
    const form = ctx.forms.find(f => f.id === target.formId)
    const field = form?.fields.find(f => f.id === target.field)
    if (!form || !field) continue
    if (field.type === 'select' || field.type === 'multiselect') optionOrder.push(...field.options.choices)
    if (field.type === 'stage') optionOrder.push(...field.options.stages)
    for (const r of filteredRecords(form, undefined, ctx, { except: filter.id })) {
      const raw = r.values[target.field]
      const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw]
      for (const v of list) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1)
    }
  }
  const chosen = ctx.filterValues[filter.id]
  for (const v of Array.isArray(chosen) ? chosen : []) if (!counts.has(v)) counts.set(v, 0)
  if (filter.kind === 'member') {
    return [...counts].map(([value, count]) => ({ value, count, label: ctx.members.find(m => m.id === value)?.name ?? value }))
      .sort((a, b) => String(a.label).localeCompare(String(b.label)))
  }
  const seen = new Set<string>()
  const out: FilterChoice[] = []
  for (const o of optionOrder) {
    if (seen.has(o.id) || !counts.has(o.id)) continue
    seen.add(o.id)
    out.push({ value: o.id, label: o.label, count: counts.get(o.id) ?? 0 })
  }
  for (const [value, count] of counts) if (!seen.has(value)) out.push({ value, label: value, count })
  return out
}

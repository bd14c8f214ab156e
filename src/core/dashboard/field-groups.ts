/** The population of a stage input split by a select, member or relation field (breakdowns, the "why" panel). */
import type { FieldDef, FieldType, FormDef, Label, RecordRow } from '../schema/types'
import { recordTitleText } from '../records'
import type { DashboardContext } from './context'
import { groupBy } from './grouping'
import { recordIndices } from './record-indices'
import type { StageInput } from './stage-input'

/** The label of the group of records without a value. */
export const NO_VALUE: Label = { 'zh-CN': '（未填）', 'en': '(none given)' }

/** Field types a funnel figure can be broken down by. */
export const GROUP_FIELD_TYPES: readonly FieldType[] = ['select', 'multiselect', 'member', 'relation']

/** One group: its key (null = empty value), its label and its records' indices in `input.records`. */
export interface FieldGroup {
  key: string | null
  label: Label
  indices: Int32Array
}

/** True for a field a breakdown may group by. */
export function isGroupField(f: FieldDef): boolean {
  return GROUP_FIELD_TYPES.includes(f.type)
}

/**
 * The population's records grouped by `field` (options in option order, members by name,
 * relations by the linked record's title; a record with several values is in each group).
 * Groups without records are left out.
 */
export function fieldGroups(input: StageInput, form: FormDef, field: FieldDef, ctx: DashboardContext): FieldGroup[] {
  const kept: RecordRow[] = []
  for (let i = 0; i < input.records.length; i++) if (input.population[i] === 1) kept.push(input.records[i] as RecordRow)
  const groups = groupBy(kept, { field: field.id }, form, ctx).filter(g => g.count > 0)
  const title = relationTitle(field, ctx)
  return groups.map(g => ({ key: g.key, label: g.key !== null && title ? title(g.key) ?? g.label : g.label, indices: recordIndices(input, g.records) }))
}

function relationTitle(field: FieldDef, ctx: DashboardContext): ((id: string) => string | undefined) | undefined {
  if (field.type !== 'relation') return undefined
  const target = ctx.forms.find(f => f.id === field.options.formId)
  const rows = ctx.records[field.options.formId] ?? []
  const byId = new Map(rows.map(r => [r.id, r]))
  const fmt = { locale: ctx.locale ?? 'zh-CN', members: ctx.members }
  return (id) => {
    const row = byId.get(id)
    return row ? recordTitleText(target, row, fmt) || undefined : undefined
  }
}

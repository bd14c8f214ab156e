import type { FieldDef, FormDef, Label, RecordRow } from '../schema/types'
import { groupRecords, kindOfField } from '../query'
import { safeColor } from '../utils/safe-color'

/** A field a kanban can put in columns: a select or a stage. */
export type KanbanField = Extract<FieldDef, { type: 'select' | 'stage' }>

/** One kanban column: an option (key null = records without a value), its cards and totals. */
export interface KanbanLane {
  key: string | null
  label: Label
  color?: string
  count: number
  /** Sum of the amount field over the lane's records; null without an amount field. */
  sum: number | null
  records: RecordRow[]
}

/** Fields of a form that can drive a kanban (select and stage fields). */
export function kanbanFieldsOf(form: FormDef): KanbanField[] {
  return form.fields.filter((f): f is KanbanField => f.type === 'select' || f.type === 'stage')
}

/** The lane field a new kanban starts with: the first stage field (the pipeline), else the first select. */
export function defaultKanbanField(form: FormDef): KanbanField | undefined {
  const fields = kanbanFieldsOf(form)
  return fields.find(f => f.type === 'stage') ?? fields[0]
}

/** Number-like fields (query kind `number`) whose sum a lane or group can show. */
export function amountFieldsOf(form: FormDef): FieldDef[] {
  return form.fields.filter(f => kindOfField(f) === 'number')
}

/** The first money field, else the first number field: a sensible default amount. */
export function defaultAmountField(form: FormDef): string | undefined {
  return (form.fields.find(f => f.type === 'money') ?? form.fields.find(f => f.type === 'number'))?.id
}

/**
 * The lanes of a kanban: one per option in option order (empty options included), then a
 * "no value" lane only when some records have no value. Records keep their input order.
 */
export function kanbanLanes(records: readonly RecordRow[], form: FormDef, fieldId: string, amountField?: string): KanbanLane[] {
  const field = kanbanFieldsOf(form).find(f => f.id === fieldId)
  if (!field) return []
  const options = field.type === 'select' ? field.options.choices : field.options.stages
  const colors = new Map(options.map(o => [o.id, safeColor(o.color)]))
  const measures = amountField ? [{ fn: 'sum' as const, field: amountField }] : []
  return groupRecords(records, fieldId, form.fields, measures).map(g => ({
    key: g.key,
    label: g.label,
    color: g.key === null ? undefined : colors.get(g.key),
    count: g.count,
    sum: amountField ? (g.values[0] ?? null) : null,
    records: g.records,
  }))
}

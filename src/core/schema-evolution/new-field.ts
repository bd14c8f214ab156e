/** The designer's palette: field types in groups, and a new field of each type with sensible options. */
import type { FieldDef, FieldType, FormDef, Label, SelectOption, StageOption } from '../schema/types'
import { newFieldId, newId } from '../utils/id'
import { assertNever } from '../utils/assert-never'

/** Palette groups, in display order. */
export type FieldGroup = 'basic' | 'choice' | 'advanced' | 'system' | 'layout'

/** Every field type by palette group (all 30 types, each once). */
export const FIELD_GROUPS: Readonly<Record<FieldGroup, readonly FieldType[]>> = {
  basic: ['text', 'textarea', 'number', 'money', 'percent', 'date', 'checkbox', 'rating', 'phone', 'email', 'url', 'address'],
  choice: ['select', 'multiselect', 'stage', 'member'],
  advanced: ['relation', 'lookup', 'rollup', 'formula', 'serial', 'attachment', 'image', 'subform'],
  system: ['createdAt', 'updatedAt', 'createdBy', 'updatedBy'],
  layout: ['separator', 'description'],
}

/** Colours offered for options, in order. */
export const OPTION_COLORS = ['#4e7cf6', '#2fb37c', '#f5a623', '#e5534b', '#9b6dd6', '#1fb5c4', '#7a8699', '#d4568f']

/** Options named 选项1/Option 1 … with colours. */
export function sampleChoices(n: number, start = 1): SelectOption[] {
  return Array.from({ length: n }, (_, i) => ({
    id: newId(),
    label: { 'zh-CN': `选项${start + i}`, 'en': `Option ${start + i}` },
    color: OPTION_COLORS[(start + i - 1) % OPTION_COLORS.length],
  }))
}

function sampleStages(): StageOption[] {
  const s = (zh: string, en: string, kind: StageOption['kind'], probability: number, color: string): StageOption =>
    ({ id: newId(), label: { 'zh-CN': zh, en }, kind, probability, color })
  return [
    s('初步接触', 'Qualify', 'open', 10, '#4e7cf6'),
    s('需求分析', 'Analyse', 'open', 30, '#1fb5c4'),
    s('方案报价', 'Propose', 'open', 60, '#f5a623'),
    s('赢单', 'Won', 'won', 100, '#2fb37c'),
    s('输单', 'Lost', 'lost', 0, '#e5534b'),
  ]
}

/** What a new field may refer to: the form being designed and the app's other forms. */
export interface NewFieldContext {
  form: FormDef
  forms: readonly FormDef[]
}

/** The options a new field of `type` starts with. */
export function defaultOptions(type: FieldType, ctx: NewFieldContext): FieldDef['options'] {
  const relation = ctx.form.fields.find(f => f.type === 'relation')
  const target = relation?.type === 'relation' ? ctx.forms.find(f => f.id === relation.options.formId) : undefined
  const targetField = target?.fields.find(f => f.type !== 'separator' && f.type !== 'description')?.id ?? ''
  switch (type) {
    case 'select': case 'multiselect': return { choices: sampleChoices(3) }
    case 'stage': return { stages: sampleStages() }
    case 'relation': return { formId: ctx.forms.find(f => f.id !== ctx.form.id)?.id ?? ctx.form.id }
    case 'lookup': return { relationField: relation?.id ?? '', targetField }
    case 'rollup': return { relationField: relation?.id ?? '', fn: 'count' }
    case 'formula': return { expression: '' }
    case 'serial': return { pattern: 'No-{yyyyMMdd}-{0000}' }
    case 'subform': return { fields: [{ id: newFieldId(), type: 'text', label: { 'zh-CN': '明细', 'en': 'Item' } }] }
    case 'rating': return { max: 5 }
    case 'date': return { granularity: 'date' }
    case 'money': return { currency: 'CNY', precision: 2 }
    case 'text': case 'textarea': case 'number': case 'percent': case 'checkbox': case 'member': case 'attachment':
    case 'image': case 'address': case 'phone': case 'email': case 'url': case 'separator': case 'description':
    case 'createdAt': case 'updatedAt': case 'createdBy': case 'updatedBy':
      return undefined
    default: return assertNever(type, 'field type')
  }
}

/** A label not yet used in the form: `base`, then `base 2`, `base 3` … */
export function freeLabel(base: Label, fields: readonly FieldDef[]): Label {
  const taken = new Set(fields.flatMap(f => (typeof f.label === 'string' ? [f.label] : [f.label['zh-CN'], f.label.en])))
  const text = (l: Label, n: number): Label => (typeof l === 'string'
    ? `${l} ${n}`
    : { ...(l['zh-CN'] ? { 'zh-CN': `${l['zh-CN']}${n}` } : {}), ...(l.en ? { en: `${l.en} ${n}` } : {}) })
  const used = (l: Label) => (typeof l === 'string' ? taken.has(l) : [l['zh-CN'], l.en].some(s => s !== undefined && taken.has(s)))
  if (!used(base)) return base
  for (let n = 2; ; n++) if (!used(text(base, n))) return text(base, n)
}

/** A new field of `type` labelled `label` (made unique in the form), with default options. */
export function createField(type: FieldType, label: Label, ctx: NewFieldContext): FieldDef {
  const options = defaultOptions(type, ctx)
  return { id: newFieldId(), type, label: freeLabel(label, ctx.form.fields), ...(options ? { options } : {}) } as FieldDef
}

/** A copy of a field with new ids (its own, its options' and sub-fields'), labelled as a copy. */
export function duplicateField(field: FieldDef, fields: readonly FieldDef[]): FieldDef {
  const copy = structuredClone(field)
  copy.id = newFieldId()
  copy.label = freeLabel(field.label, fields)
  if (copy.type === 'subform') copy.options.fields = copy.options.fields.map(f => ({ ...f, id: newFieldId() }))
  return copy
}

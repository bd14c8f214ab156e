/** Sensible options of a new field (the designer's palette, a type change): sample choices and stages, link targets. */
import type { FieldDef, FieldOf, FieldType, SelectOption, StageOption } from '../../schema/types'
import type { FieldBehaviour, NewFieldContext } from '../behaviour'
import { newId } from '../../utils/id'

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

const SAMPLE_STAGES: readonly [zh: string, en: string, kind: StageOption['kind'], probability: number, color: string][] = [
  ['初步接触', 'Qualify', 'open', 10, '#4e7cf6'],
  ['需求分析', 'Analyse', 'open', 30, '#1fb5c4'],
  ['方案报价', 'Propose', 'open', 60, '#f5a623'],
  ['赢单', 'Won', 'won', 100, '#2fb37c'],
  ['输单', 'Lost', 'lost', 0, '#e5534b'],
]

/** A small sales pipeline: three open stages, won and lost. */
export function sampleStages(): StageOption[] {
  return SAMPLE_STAGES.map(([zh, en, kind, probability, color]) => ({ id: newId(), label: { 'zh-CN': zh, en }, kind, probability, color }))
}

/**
 * True when zh/en is a pair the app filled in for a new option or stage (选项1 / Option 1, the
 * sample pipeline's names, 阶段2 / Stage 2 and 新阶段 / New stage of the stage editors, a sub-form's 字段2 / Field 2): a translation nobody set, which should follow the label once the
 * user renames it instead of keeping the stale default.
 */
export function isSampleTranslation(zh: string, en: string): boolean {
  const n = /^选项(\d+)$/.exec(zh)?.[1]
  if (n !== undefined) return en === `Option ${n}`
  const s = /^阶段(\d+)$/.exec(zh)?.[1]
  if (s !== undefined) return en === `Stage ${s}`
  const f = /^字段(\d+)$/.exec(zh)?.[1]
  if (f !== undefined) return en === `Field ${f}`
  if (zh === '新阶段') return en === 'New stage'
  return SAMPLE_STAGES.some(([z, e]) => z === zh && e === en)
}

/** The form's first relation field (lookups and rollups start from it) and the first value field of its target form. */
export function firstLink(ctx: NewFieldContext): { relationField: string, targetField: string } {
  const relation = ctx.form.fields.find((f): f is Extract<FieldDef, { type: 'relation' }> => f.type === 'relation')
  const target = relation ? ctx.forms.find(f => f.id === relation.options.formId) : undefined
  const targetField = target?.fields.find(f => f.type !== 'separator' && f.type !== 'description')?.id ?? ''
  return { relationField: relation?.id ?? '', targetField }
}

/** No options: the type's defaults apply. */
export function noOptions(): undefined {
  return undefined
}

/** Types whose fields may have no options. */
type OptionalOptionsType = { [K in FieldType]: undefined extends FieldOf<K>['options'] ? K : never }[FieldType]

/** `noOptions` typed for a helper generic over such types (TypeScript cannot see through `T` that undefined fits). */
export function noOptionsOf<T extends OptionalOptionsType>(): FieldBehaviour<T>['newOptions'] {
  return noOptions as unknown as FieldBehaviour<T>['newOptions']
}

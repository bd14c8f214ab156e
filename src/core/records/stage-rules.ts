/**
 * Stage semantics of a write: a record entering a stage must have the stage's gate fields
 * filled, and a record moving to the lost outcome must carry a loss reason. Rules apply only
 * when the stage value changes into the stage (or on creation), so editing other fields of a
 * record that already sits in a gated stage is never refused.
 */
import type { FieldDef, FieldOf, FormDef, Label, StageOption } from '../schema/types'
import type { WriteIssue } from './mutations'
import { labelText } from '../utils/label'
import { pipelineFieldOf, pipelineStageIds, recordPipeline } from '../stages/pipelines'

/** A refused stage change: the stage entered and the fields still missing. */
export interface StageIssue extends WriteIssue {
  code: 'stageGate' | 'lossReason' | 'pipelineStage'
  /** The stage the record was about to enter. */
  stageId: string
  /** Field ids that must be filled first. */
  missingFields: string[]
}

/** A stage value entered by a write: the stage field and the option it changes into. */
export interface StageEntry {
  field: FieldOf<'stage'>
  stage: StageOption
}

/** True for values that count as "not filled": null, undefined, blank text, [] and {}. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}

/**
 * The stages a write enters: per stage field, the new value when it differs from `before`
 * (every non-empty stage value of a new record, where `before` is absent). Unknown stage
 * ids are left to the record schema, which refuses them.
 */
export function enteredStages(form: FormDef, values: Record<string, unknown>, before?: Record<string, unknown>): StageEntry[] {
  const out: StageEntry[] = []
  for (const field of stageFieldsOf(form)) {
    const to = values[field.id]
    if (typeof to !== 'string' || to === '') continue
    if (before !== undefined && before[field.id] === to) continue
    const stage = field.options.stages.find(s => s.id === to)
    if (stage) out.push({ field, stage })
  }
  return out
}

const fieldMaps = new WeakMap<FormDef, ReadonlyMap<string, FieldDef>>()
const stageFieldLists = new WeakMap<FormDef, readonly FieldOf<'stage'>[]>()

/** The stage fields of a form definition, in field order, listed once per definition object. */
function stageFieldsOf(form: FormDef): readonly FieldOf<'stage'>[] {
  let list = stageFieldLists.get(form)
  if (!list) {
    list = form.fields.filter((f): f is FieldOf<'stage'> => f.type === 'stage')
    stageFieldLists.set(form, list)
  }
  return list
}

/** The fields of a form definition by id, built once per definition object (forms are replaced, never edited). */
function fieldsById(form: FormDef): ReadonlyMap<string, FieldDef> {
  let byId = fieldMaps.get(form)
  if (!byId) {
    byId = new Map(form.fields.map(f => [f.id, f]))
    fieldMaps.set(form, byId)
  }
  return byId
}

/** Refusals for the stages `values` enters (see {@link enteredStages}); [] when every rule holds. */
export function checkStageRules(form: FormDef, values: Record<string, unknown>, before?: Record<string, unknown>): StageIssue[] {
  const entries = enteredStages(form, values, before)
  const issues: StageIssue[] = pipelineIssues(form, values, before)
  if (entries.length === 0) return issues
  const byId = fieldsById(form)
  for (const { field, stage } of entries) {
    const reasonId = stage.kind === 'lost' ? field.options.lossReasonField : undefined
    const reasonField = reasonId === undefined ? undefined : byId.get(reasonId)
    const reasonMissing = reasonField !== undefined && isBlank(values[reasonField.id])
    const gate: FieldDef[] = []
    for (const id of stage.gate ?? []) {
      const f = byId.get(id)
      if (f !== undefined && f.id !== field.id && isBlank(values[f.id]) && !(reasonMissing && f.id === reasonField?.id)) gate.push(f)
    }
    if (gate.length > 0) issues.push(gateIssue(field, stage, gate))
    if (reasonMissing && reasonField) issues.push(lossIssue(field, stage, reasonField))
  }
  return issues
}

/**
 * A stage field that splits by pipeline: the record's stage must be one of its pipeline's
 * stages. Checked when the stage or the pipeline value changes (or on creation), like the gates.
 */
function pipelineIssues(form: FormDef, values: Record<string, unknown>, before?: Record<string, unknown>): StageIssue[] {
  const out: StageIssue[] = []
  for (const field of stageFieldsOf(form)) {
    if (!field.options.pipelines) continue
    const stageId = values[field.id]
    if (typeof stageId !== 'string' || stageId === '') continue
    const pf = field.options.pipelines.field
    if (before !== undefined && before[field.id] === stageId && before[pf] === values[pf]) continue
    const pipeline = recordPipeline(field, values)
    const allowed = pipelineStageIds(field, pipeline)
    if (!allowed || allowed.has(stageId)) continue
    const stage = field.options.stages.find(s => s.id === stageId)
    if (stage) out.push(pipelineIssue(form, field, stage, pipeline ?? '', allowed))
  }
  return out
}

function pipelineIssue(form: FormDef, field: FieldOf<'stage'>, stage: StageOption, pipeline: string, allowed: ReadonlySet<string>): StageIssue {
  const option = pipelineFieldOf(form.fields, field)?.options.choices.find(c => c.id === pipeline)
  const list = (l: 'zh-CN' | 'en') => field.options.stages.filter(s => allowed.has(s.id)).map(s => text(s.label, s.id, l)).join(l === 'zh-CN' ? '、' : ', ')
  return {
    fieldId: field.id,
    label: field.label,
    code: 'pipelineStage',
    stageId: stage.id,
    missingFields: [],
    message: {
      'zh-CN': `${text(field.label, field.id, 'zh-CN')}：阶段「${text(stage.label, stage.id, 'zh-CN')}」不属于管道「${text(option?.label ?? pipeline, pipeline, 'zh-CN')}」（可选：${list('zh-CN')}）`,
      'en': `${text(field.label, field.id, 'en')}: the stage "${text(stage.label, stage.id, 'en')}" is not in the pipeline "${text(option?.label ?? pipeline, pipeline, 'en')}" (stages: ${list('en')})`,
    },
  }
}

function names(fields: readonly FieldDef[], locale: 'zh-CN' | 'en'): string {
  const list = fields.map(f => labelText(f.label, locale) || f.id)
  return locale === 'zh-CN' ? list.map(n => `「${n}」`).join('、') : list.map(n => `"${n}"`).join(', ')
}

function text(label: Label, id: string, locale: 'zh-CN' | 'en'): string {
  return labelText(label, locale) || id
}

function gateIssue(field: FieldOf<'stage'>, stage: StageOption, missing: FieldDef[]): StageIssue {
  const zhField = text(field.label, field.id, 'zh-CN')
  const enField = text(field.label, field.id, 'en')
  return {
    fieldId: field.id,
    label: field.label,
    code: 'stageGate',
    stageId: stage.id,
    missingFields: missing.map(f => f.id),
    message: {
      'zh-CN': `${zhField}：进入阶段「${text(stage.label, stage.id, 'zh-CN')}」前，请先填写${names(missing, 'zh-CN')}`,
      'en': `${enField}: before entering the stage "${text(stage.label, stage.id, 'en')}", fill in ${names(missing, 'en')}`,
    },
  }
}

function lossIssue(field: FieldOf<'stage'>, stage: StageOption, reason: FieldDef): StageIssue {
  return {
    fieldId: field.id,
    label: field.label,
    code: 'lossReason',
    stageId: stage.id,
    missingFields: [reason.id],
    message: {
      'zh-CN': `${text(field.label, field.id, 'zh-CN')}：移入「${text(stage.label, stage.id, 'zh-CN')}」需要输单原因，请先填写${names([reason], 'zh-CN')}`,
      'en': `${text(field.label, field.id, 'en')}: moving to "${text(stage.label, stage.id, 'en')}" needs a loss reason; fill in ${names([reason], 'en')} first`,
    },
  }
}

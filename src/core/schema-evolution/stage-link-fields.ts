/**
 * Linking a stage field to the fields of its form by clicking: pick an existing field, or let
 * the designer create one as the sales-funnel template has it (the forecast categories, the
 * "set by hand" marks, a loss-reason list shown on lost deals …). Pure: returns the next form.
 */
import type { FieldDef, FieldOf, FormDef, Label, SelectOption } from '../schema/types'
import type { StageLink } from '../stages/stage-links'
import { linkedFieldId, STAGE_LINK_SPECS, withStageLink } from '../stages/stage-links'
import { FORECAST_CATEGORIES, MANUAL_CATEGORY, MANUAL_PROBABILITY } from '../stages/forecast'
import { newFieldId } from '../utils/id'
import { freeLabel } from './new-field'

/** What a link is set to: an existing field's id, a new field, or nothing. */
export type LinkTarget = { kind: 'field', id: string } | { kind: 'new' } | { kind: 'none' }

const LABELS: Readonly<Record<StageLink, Label>> = {
  probability: { 'zh-CN': '赢单概率', 'en': 'Win probability' },
  lossReason: { 'zh-CN': '输单原因', 'en': 'Loss reason' },
  forecastCategory: { 'zh-CN': '预测分类', 'en': 'Forecast category' },
  forecastManual: { 'zh-CN': '手动设置', 'en': 'Set by hand' },
  snoozeUntil: { 'zh-CN': '暂缓至', 'en': 'Snoozed until' },
  snoozeReason: { 'zh-CN': '暂缓原因', 'en': 'Snooze reason' },
}

const CATEGORY_CHOICES: Readonly<Record<(typeof FORECAST_CATEGORIES)[number], SelectOption>> = {
  pipeline: { id: 'pipeline', label: { 'zh-CN': '管道', 'en': 'Pipeline' }, color: '#73c0de' },
  bestCase: { id: 'bestCase', label: { 'zh-CN': '可能成交', 'en': 'Best case' }, color: '#fac858' },
  commit: { id: 'commit', label: { 'zh-CN': '承诺', 'en': 'Commit' }, color: '#fc8452' },
  closed: { id: 'closed', label: { 'zh-CN': '已成交', 'en': 'Closed' }, color: '#3ba272' },
  omitted: { id: 'omitted', label: { 'zh-CN': '不计入', 'en': 'Omitted' }, color: '#9a9a9a' },
}

const LOSS_REASONS: readonly SelectOption[] = [
  { id: 'loss_price', label: { 'zh-CN': '价格过高', 'en': 'Price too high' }, color: '#ee6666' },
  { id: 'loss_competitor', label: { 'zh-CN': '选择竞品', 'en': 'Chose a competitor' }, color: '#fc8452' },
  { id: 'loss_budget', label: { 'zh-CN': '预算不足', 'en': 'No budget' }, color: '#73c0de' },
  { id: 'loss_timing', label: { 'zh-CN': '时机不成熟', 'en': 'Bad timing' }, color: '#91cc75' },
  { id: 'loss_other', label: { 'zh-CN': '其他', 'en': 'Other' }, color: '#9a9a9a' },
]

/** A new field for `link` of `stage`, labelled so it is unique among `fields`. */
export function newLinkedField(link: StageLink, stage: FieldOf<'stage'>, fields: readonly FieldDef[]): FieldDef {
  const base = { id: newFieldId(), label: freeLabel(LABELS[link], fields) }
  switch (link) {
    case 'probability':
      return { ...base, type: 'percent', options: { precision: 0, min: 0, max: 100 } }
    case 'lossReason': {
      const lost = stage.options.stages.filter(s => s.kind === 'lost').map(s => s.id)
      return { ...base, type: 'select', options: { choices: structuredClone([...LOSS_REASONS]) }, ...(lost.length ? { visibleWhen: { and: [{ field: stage.id, op: 'in', value: lost }] } } : {}) }
    }
    case 'forecastCategory':
      return { ...base, type: 'select', options: { choices: FORECAST_CATEGORIES.map(c => structuredClone(CATEGORY_CHOICES[c])) } }
    case 'forecastManual':
      return {
        ...base,
        type: 'multiselect',
        description: { 'zh-CN': '列出手动改过、换阶段时保留的预测值；清空即恢复阶段默认。', 'en': 'The forecast values changed by hand, kept through stage changes; clear to reset them to the stage default.' },
        options: { choices: [
          { id: MANUAL_PROBABILITY, label: { 'zh-CN': '赢单概率', 'en': 'Win probability' } },
          { id: MANUAL_CATEGORY, label: { 'zh-CN': '预测分类', 'en': 'Forecast category' } },
        ] },
      }
    case 'snoozeUntil':
      return { ...base, type: 'date', description: { 'zh-CN': '在这一天之前不算停滞；从这一天起恢复提醒。', 'en': 'Not counted as stalled before this day; reminders resume on it.' }, options: { granularity: 'date' } }
    case 'snoozeReason':
      return { ...base, type: 'text' }
  }
}

/**
 * The form with `link` of its stage field `stageId` set to `target`. A new field goes after the
 * stage field and the fields it already links. A link that needs another one (a forecast
 * category needs the manual marks, a snooze reason the snooze date) creates that one too when
 * it is not linked yet.
 */
export function linkStageField(form: FormDef, stageId: string, link: StageLink, target: LinkTarget): FormDef {
  const stage = form.fields.find((f): f is FieldOf<'stage'> => f.id === stageId && f.type === 'stage')
  if (!stage) throw new Error(`no stage field ${stageId} in this form`)
  if (target.kind === 'none') return replace(form, withStageLink(stage, link, undefined), [])
  const added: FieldDef[] = []
  let next = stage
  const needs = STAGE_LINK_SPECS[link].needs
  if (needs && linkedFieldId(stage, needs) === undefined) {
    const required = newLinkedField(needs, stage, form.fields)
    added.push(required)
    next = withStageLink(next, needs, required.id)
  }
  let id: string
  if (target.kind === 'new') {
    const field = newLinkedField(link, stage, [...form.fields, ...added])
    added.push(field)
    id = field.id
  }
  else id = target.id
  return replace(form, withStageLink(next, link, id), added)
}

/** The form with `stage` replaced and `added` inserted after it and the fields it links. */
function replace(form: FormDef, stage: FieldOf<'stage'>, added: readonly FieldDef[]): FormDef {
  const fields = form.fields.map(f => (f.id === stage.id ? stage : f))
  if (added.length === 0) return { ...form, fields }
  const linked = new Set(Object.keys(STAGE_LINK_SPECS).map(l => linkedFieldId(stage, l as StageLink)))
  let at = fields.findIndex(f => f.id === stage.id)
  for (let i = at + 1; i < fields.length && linked.has(fields[i]!.id); i++) at = i
  fields.splice(at + 1, 0, ...added)
  return { ...form, fields }
}

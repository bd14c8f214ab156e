/**
 * Pure customisation operations on a stage field. Each returns a new field (the input is never
 * touched) and keeps the shape the schema requires: open stages first, in funnel order, then the
 * won and lost outcomes.
 */
import type { FieldOf, ForecastCategory, Label, StageOption } from '../schema/types'

type StageField = FieldOf<'stage'>

/** What a new stage starts with; the id comes from the caller so the operation stays pure. */
export interface NewStage {
  id: string
  label: Label
  kind?: StageOption['kind']
  color?: string
  probability?: number
}

function withStages(field: StageField, stages: StageOption[], removed?: StageOption[]): StageField {
  const options = { ...field.options, stages }
  if (removed !== undefined) options.removedStages = removed
  return { ...field, options }
}

function patchStage(field: StageField, stageId: string, patch: (s: StageOption) => StageOption): StageField {
  if (!field.options.stages.some(s => s.id === stageId)) throw new Error(`no stage ${stageId}`)
  return withStages(field, field.options.stages.map(s => (s.id === stageId ? patch(s) : s)))
}

function omit<K extends keyof StageOption>(s: StageOption, key: K): StageOption {
  const copy = { ...s }
  delete copy[key]
  return copy
}

/**
 * Adds a stage. An open stage goes at `index` among the open stages (default: after the last
 * open one); a won outcome goes after the outcomes; a second lost outcome is refused.
 */
export function addStage(field: StageField, stage: NewStage, index?: number): StageField {
  const stages = field.options.stages
  if (stages.some(s => s.id === stage.id) || field.options.removedStages?.some(s => s.id === stage.id)) throw new Error(`stage id ${stage.id} is taken`)
  const kind = stage.kind ?? 'open'
  if (kind === 'lost' && stages.some(s => s.kind === 'lost')) throw new Error('a stage field has at most one lost outcome')
  const option: StageOption = { id: stage.id, label: stage.label, kind }
  if (stage.color !== undefined) option.color = stage.color
  if (stage.probability !== undefined) option.probability = stage.probability
  const open = stages.filter(s => s.kind === 'open')
  const outcomes = stages.filter(s => s.kind !== 'open')
  if (kind !== 'open') return withStages(field, [...stages, option])
  const at = Math.max(0, Math.min(index ?? open.length, open.length))
  return withStages(field, [...open.slice(0, at), option, ...open.slice(at), ...outcomes])
}

/** Renames a stage; `label` replaces the old one (pass both languages to keep both). */
export function renameStage(field: StageField, stageId: string, label: Label): StageField {
  return patchStage(field, stageId, s => ({ ...s, label }))
}

/** Moves an open stage to position `index` among the open stages (outcomes stay last). */
export function moveStage(field: StageField, stageId: string, index: number): StageField {
  const stages = field.options.stages
  const stage = stages.find(s => s.id === stageId)
  if (!stage) throw new Error(`no stage ${stageId}`)
  if (stage.kind !== 'open') throw new Error('only open stages can be reordered')
  const open = stages.filter(s => s.kind === 'open' && s.id !== stageId)
  const at = Math.max(0, Math.min(index, open.length))
  return withStages(field, [...open.slice(0, at), stage, ...open.slice(at), ...stages.filter(s => s.kind !== 'open')])
}

/** Sets (or, with undefined, clears) a stage's colour. */
export function recolorStage(field: StageField, stageId: string, color: string | undefined): StageField {
  return patchStage(field, stageId, s => (color === undefined ? omit(s, 'color') : { ...s, color }))
}

/** Sets (or clears) a stage's default win probability, clamped to 0..100. */
export function setStageProbability(field: StageField, stageId: string, probability: number | undefined): StageField {
  return patchStage(field, stageId, s => (probability === undefined || !Number.isFinite(probability)
    ? omit(s, 'probability')
    : { ...s, probability: Math.min(100, Math.max(0, probability)) }))
}

/** Sets an open stage's default forecast category; `pipeline` (the default) is stored as no key. Won and lost stages keep none (always closed / omitted). */
export function setStageForecastCategory(field: StageField, stageId: string, category: ForecastCategory): StageField {
  return patchStage(field, stageId, s => (s.kind !== 'open' || category === 'pipeline' ? omit(s, 'forecastCategory') : { ...s, forecastCategory: category }))
}

/** Sets (or, with undefined or a value <= 0, clears) the "stalled after N days" threshold. */
export function setStalledDays(field: StageField, stageId: string, days: number | undefined): StageField {
  return patchStage(field, stageId, s => (days === undefined || !Number.isFinite(days) || days <= 0 ? omit(s, 'stalledAfterDays') : { ...s, stalledAfterDays: days }))
}

/** Sets (or clears) an open stage's target conversion to the next step, percent clamped to 0..100. */
export function setStageTargetRate(field: StageField, stageId: string, rate: number | undefined): StageField {
  return patchStage(field, stageId, s => (rate === undefined || !Number.isFinite(rate) || s.kind !== 'open'
    ? omit(s, 'targetRate')
    : { ...s, targetRate: Math.min(100, Math.max(0, rate)) }))
}

/** Sets (or, with undefined or a value <= 0, clears) an open stage's longest acceptable median stay in days. */
export function setStageTargetDays(field: StageField, stageId: string, days: number | undefined): StageField {
  return patchStage(field, stageId, s => (days === undefined || !Number.isFinite(days) || days <= 0 || s.kind !== 'open' ? omit(s, 'targetDays') : { ...s, targetDays: days }))
}

/** Sets the fields required before entering a stage (duplicates dropped; empty clears the gate). */
export function setStageGate(field: StageField, stageId: string, fieldIds: readonly string[]): StageField {
  const gate = [...new Set(fieldIds)].filter(id => id !== field.id)
  return patchStage(field, stageId, s => (gate.length === 0 ? omit(s, 'gate') : { ...s, gate }))
}

/** Why a stage cannot be removed, or null when it can. */
export function removalBlocker(field: StageField, stageId: string): 'unknown' | 'lastOpen' | 'lastWon' | null {
  const stage = field.options.stages.find(s => s.id === stageId)
  if (!stage) return 'unknown'
  const same = field.options.stages.filter(s => s.kind === stage.kind).length
  if (stage.kind === 'open' && same <= 1) return 'lastOpen'
  if (stage.kind === 'won' && same <= 1) return 'lastWon'
  return null
}

/**
 * Removes a stage. The option moves to `options.removedStages`, so stage history (events
 * keep the old id) can still name it; it is no longer a valid value. Records in it must be
 * moved by the caller (see `removeStagesTransaction`).
 */
export function removeStage(field: StageField, stageId: string): StageField {
  const blocker = removalBlocker(field, stageId)
  if (blocker !== null) throw new Error(`cannot remove stage ${stageId}: ${blocker}`)
  const stage = field.options.stages.find(s => s.id === stageId) as StageOption
  const removed = [...(field.options.removedStages ?? []).filter(s => s.id !== stageId), stage]
  return withStages(field, field.options.stages.filter(s => s.id !== stageId), removed)
}

/**
 * Brings a removed stage back from `options.removedStages` (an open stage at `index` among
 * the open stages, default last; an outcome after the outcomes). Refuses a second lost outcome.
 */
export function restoreStage(field: StageField, stageId: string, index?: number): StageField {
  const removed = field.options.removedStages ?? []
  const stage = removed.find(s => s.id === stageId)
  if (!stage) throw new Error(`no removed stage ${stageId}`)
  const stages = field.options.stages
  if (stage.kind === 'lost' && stages.some(s => s.kind === 'lost')) throw new Error('a stage field has at most one lost outcome')
  const rest = removed.filter(s => s.id !== stageId)
  const open = stages.filter(s => s.kind === 'open')
  const next = stage.kind === 'open'
    ? [...open.slice(0, index ?? open.length), stage, ...open.slice(index ?? open.length), ...stages.filter(s => s.kind !== 'open')]
    : [...stages, stage]
  const out = withStages(field, next, rest)
  if (rest.length === 0) delete out.options.removedStages
  return out
}

/**
 * Setting up several pipelines by clicking (the stage editor): pure operations on a stage
 * field's `options.pipelines`. Each returns a new field. A pipeline's stages keep the field's
 * order, so renaming, recolouring and reordering stay field operations (stage-ops.ts); these
 * only say which stages each pipeline uses.
 */
import type { FieldDef, FieldOf, PipelineStageSet, RecordRow, StageOption } from '../schema/types'
import { pipelineSets, pipelineStageField, recordPipeline } from './pipelines'

type StageField = FieldOf<'stage'>

function withSets(field: StageField, fieldId: string, sets: PipelineStageSet[]): StageField {
  return { ...field, options: { ...field.options, pipelines: { field: fieldId, sets } } }
}

/**
 * Splits the stage field by the select field `select`: one pipeline per option, each starting
 * with every stage (so no record is outside its pipeline until the user narrows a set). A field
 * already split by `select` keeps its sets, plus sets for options that had none.
 */
export function splitByPipeline(field: StageField, select: FieldOf<'select'>): StageField {
  const all = field.options.stages.map(s => s.id)
  const kept = field.options.pipelines?.field === select.id ? pipelineSets(field) : []
  const sets = select.options.choices.map(c => kept.find(s => s.pipeline === c.id) ?? { pipeline: c.id, stages: [...all] })
  return withSets(field, select.id, sets)
}

/** One pipeline again: `options.pipelines` removed (every stage for every record). */
export function unsplitPipelines(field: StageField): StageField {
  if (!field.options.pipelines) return field
  const { pipelines: _p, ...options } = field.options
  return { ...field, options }
}

/** Adds `stageId` to (or, with `on` false, removes it from) the stages `pipeline` uses. */
export function setPipelineStage(field: StageField, pipeline: string, stageId: string, on: boolean): StageField {
  const p = field.options.pipelines
  if (!p) throw new Error('the stage field has one pipeline')
  if (!p.sets.some(s => s.pipeline === pipeline)) throw new Error(`no pipeline ${pipeline}`)
  if (!field.options.stages.some(s => s.id === stageId)) throw new Error(`no stage ${stageId}`)
  const sets = p.sets.map((s) => {
    if (s.pipeline !== pipeline) return s
    const rest = s.stages.filter(id => id !== stageId)
    return { ...s, stages: on ? [...rest, stageId] : rest }
  })
  return withSets(field, p.field, sets)
}

/** A stage just added (see addStage): it joins `pipeline`'s set, or every set when no pipeline is being edited. */
export function addToPipelines(field: StageField, stageId: string, pipeline?: string): StageField {
  const p = field.options.pipelines
  if (!p) return field
  return withSets(field, p.field, p.sets.map(s => (pipeline === undefined || s.pipeline === pipeline ? { ...s, stages: [...s.stages.filter(id => id !== stageId), stageId] } : s)))
}

/** The field's stages `pipeline` uses, in the field's order (every stage when the field does not split). */
export function stagesOfPipeline(field: StageField, pipeline: string | undefined): StageOption[] {
  const set = pipeline === undefined ? undefined : pipelineSets(field).find(s => s.pipeline === pipeline)
  if (!set) return field.options.stages
  const keep = new Set(set.stages)
  return field.options.stages.filter(s => keep.has(s.id))
}

/**
 * The index among all open stages that moves open stage `stageId` one step (`delta`) within
 * `pipeline`'s open stages: next to its neighbour in that pipeline. Undefined at either end.
 */
export function pipelineMoveIndex(field: StageField, pipeline: string | undefined, stageId: string, delta: -1 | 1): number | undefined {
  const open = field.options.stages.filter(s => s.kind === 'open').map(s => s.id)
  const mine = stagesOfPipeline(field, pipeline).filter(s => s.kind === 'open').map(s => s.id)
  const at = mine.indexOf(stageId)
  const neighbour = at < 0 ? undefined : mine[at + delta]
  return neighbour === undefined ? undefined : open.indexOf(neighbour)
}

/** The ids of stages no longer in the field dropped from every set (a stage removed in the editor), before saving. */
export function prunePipelineStages(field: StageField): StageField {
  const p = field.options.pipelines
  if (!p) return field
  const live = new Set(field.options.stages.map(s => s.id))
  if (p.sets.every(s => s.stages.every(id => live.has(id)))) return field
  return withSets(field, p.field, p.sets.map(s => ({ ...s, stages: s.stages.filter(id => live.has(id)) })))
}

/** Records whose stage is not one of their pipeline's stages, counted per pipeline and stage (what a narrowed set would strand). */
export interface StrandedRecords {
  pipeline: string
  stageId: string
  count: number
}

/** Which records `field`'s sets would leave outside their pipeline (none when it does not split). */
export function strandedRecords(field: StageField, records: readonly RecordRow[]): StrandedRecords[] {
  if (!field.options.pipelines) return []
  const allowed = new Map(pipelineSets(field).map(s => [s.pipeline, new Set(s.stages)]))
  const counts = new Map<string, StrandedRecords>()
  for (const r of records) {
    const stageId = r.values[field.id]
    if (typeof stageId !== 'string' || stageId === '') continue
    const pipeline = recordPipeline(field, r.values)
    if (pipeline === undefined || allowed.get(pipeline)?.has(stageId) !== false) continue
    const key = `${pipeline}\n${stageId}`
    const hit = counts.get(key)
    if (hit) hit.count++
    else counts.set(key, { pipeline, stageId, count: 1 })
  }
  return [...counts.values()]
}

/** The stage field as a record sees it: only its pipeline's stages (the choices a cell editor or form input offers). */
export function stageFieldFor(field: StageField, values: Readonly<Record<string, unknown>> | undefined): StageField {
  return values === undefined ? field : pipelineStageField(field, recordPipeline(field, values))
}

/**
 * The designer removed a stage or a pipeline option: the sets forget the stage, and the pipeline
 * of a deleted option (its records now count as the default pipeline); with no set left the
 * field no longer splits. A pipeline field deleted or no longer a select is left for the
 * designer check to name (`checkPipelines`).
 */
export function prunePipelines(field: StageField, fields: readonly FieldDef[]): StageField {
  const p = field.options.pipelines
  const select = p === undefined ? undefined : fields.find(f => f.id === p.field)
  if (!p || select?.type !== 'select') return field
  const options = new Set(select.options.choices.map(c => c.id))
  const pruned = prunePipelineStages(field)
  const sets = pruned.options.pipelines!.sets.filter(s => options.has(s.pipeline))
  if (sets.length === 0) return unsplitPipelines(pruned)
  return sets.length === p.sets.length ? pruned : withSets(pruned, p.field, sets)
}

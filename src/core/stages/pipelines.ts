/**
 * Several pipelines in one form. Either a stage field splits by a pipeline field (its
 * `options.pipelines`: each option of a select field uses its own set of the stages), or the
 * form has several stage fields; both are offered as one list of {@link PipelineChoice}s. Every
 * metric of a pipeline runs over {@link pipelineStageField} (that pipeline's stages only) and the
 * records {@link pipelineFilter} keeps, so no figure mixes the stages of two pipelines.
 */
import type { Filter } from '../schema/filter'
import type { FieldDef, FieldOf, FormDef, Label, PipelineStageSet } from '../schema/types'

/** One entry of a pipeline switcher: a stage field, and the pipeline option when the field splits. */
export interface PipelineChoice {
  /** `fieldId` or `fieldId:pipelineOptionId`: stable, used in URLs and switchers. */
  key: string
  fieldId: string
  pipeline?: string
  /** The pipeline option's label, or the stage field's when it does not split. */
  label: Label
}

const NO_SETS: readonly PipelineStageSet[] = []

/** The pipeline sets of a stage field ([] when it has one pipeline). */
export function pipelineSets(field: FieldOf<'stage'>): readonly PipelineStageSet[] {
  return field.options.pipelines?.sets ?? NO_SETS
}

/** The select field naming a stage field's pipelines, when it has them and it exists. */
export function pipelineFieldOf(fields: readonly FieldDef[], field: FieldOf<'stage'>): FieldOf<'select'> | undefined {
  const id = field.options.pipelines?.field
  const f = id === undefined ? undefined : fields.find(x => x.id === id)
  return f?.type === 'select' ? f : undefined
}

/** Every pipeline of a form, in field order: one per set of a splitting stage field, one per other stage field. */
export function pipelineChoices(form: FormDef): PipelineChoice[] {
  const out: PipelineChoice[] = []
  for (const f of form.fields) {
    if (f.type !== 'stage') continue
    const sets = pipelineSets(f)
    const select = pipelineFieldOf(form.fields, f)
    if (sets.length === 0 || !select) {
      out.push({ key: f.id, fieldId: f.id, label: f.label })
      continue
    }
    for (const s of sets) {
      const option = select.options.choices.find(c => c.id === s.pipeline)
      out.push({ key: `${f.id}:${s.pipeline}`, fieldId: f.id, pipeline: s.pipeline, label: option?.label ?? s.pipeline })
    }
  }
  return out
}

/** The choice with this key, else the first choice of the form (undefined without stage fields). */
export function choiceOf(form: FormDef, key: string | undefined): PipelineChoice | undefined {
  const all = pipelineChoices(form)
  return all.find(c => c.key === key) ?? all[0]
}

/**
 * The pipeline a figure of `field` uses: `pipeline` when it has a set, else the default (first)
 * set's; undefined when the field does not split. A pipeline that no longer has a set is
 * reported by {@link unknownPipeline}.
 */
export function resolvePipeline(field: FieldOf<'stage'>, pipeline?: string): string | undefined {
  const sets = pipelineSets(field)
  if (sets.length === 0) return undefined
  return (sets.find(s => s.pipeline === pipeline) ?? sets[0])?.pipeline
}

/** True when `pipeline` is given but the field has no set for it (a deleted pipeline option). */
export function unknownPipeline(field: FieldOf<'stage'>, pipeline: string | undefined): boolean {
  return pipeline !== undefined && pipeline !== '' && !pipelineSets(field).some(s => s.pipeline === pipeline)
}

const narrowed = new WeakMap<FieldOf<'stage'>, Map<string, FieldOf<'stage'>>>()

/**
 * The stage field as one pipeline sees it: only that pipeline's stages (in the field's order),
 * without `pipelines`. The same object for the same (field, pipeline), so summaries cached by
 * field stay cached. A field that does not split is returned as it is.
 */
export function pipelineStageField(field: FieldOf<'stage'>, pipeline?: string): FieldOf<'stage'> {
  const id = resolvePipeline(field, pipeline)
  if (id === undefined) return field
  let byPipeline = narrowed.get(field)
  if (!byPipeline) {
    byPipeline = new Map()
    narrowed.set(field, byPipeline)
  }
  const hit = byPipeline.get(id)
  if (hit) return hit
  const keep = new Set(pipelineSets(field).find(s => s.pipeline === id)?.stages ?? [])
  const { pipelines: _p, ...options } = field.options
  const out: FieldOf<'stage'> = { ...field, options: { ...options, stages: field.options.stages.filter(s => keep.has(s.id)) } }
  byPipeline.set(id, out)
  return out
}

/** The pipeline a record of `field` belongs to (its pipeline value with a set, else the default); undefined when the field does not split. */
export function recordPipeline(field: FieldOf<'stage'>, values: Readonly<Record<string, unknown>>): string | undefined {
  const pf = field.options.pipelines?.field
  if (pf === undefined) return undefined
  const v = values[pf]
  return resolvePipeline(field, typeof v === 'string' ? v : undefined)
}

/** The stage ids a record in `pipeline` may take (undefined: every stage of the field). */
export function pipelineStageIds(field: FieldOf<'stage'>, pipeline: string | undefined): ReadonlySet<string> | undefined {
  if (pipeline === undefined) return undefined
  return new Set(pipelineStageField(field, pipeline).options.stages.map(s => s.id))
}

/**
 * The records of one pipeline, in the shared filter language: pipeline value = the option (the
 * default pipeline also takes records with an empty value or an option without a set). Undefined
 * for a field that does not split (every record).
 */
export function pipelineFilter(field: FieldOf<'stage'>, pipeline?: string): Filter | undefined {
  const pf = field.options.pipelines?.field
  const id = resolvePipeline(field, pipeline)
  if (pf === undefined || id === undefined) return undefined
  const sets = pipelineSets(field)
  if (sets[0]?.pipeline !== id) return { and: [{ field: pf, op: 'eq', value: id }] }
  // notIn also keeps empty values (the default pipeline's records without a pipeline value)
  return { and: [{ field: pf, op: 'notIn', value: sets.slice(1).map(s => s.pipeline) }] }
}

/** The filter of a switcher choice: its pipeline's records (a field that does not split: records with a stage in it, when the form has several stage fields). */
export function choiceFilter(form: FormDef, choice: PipelineChoice | undefined): Filter | undefined {
  if (!choice) return undefined
  const field = form.fields.find(f => f.id === choice.fieldId)
  if (field?.type !== 'stage') return undefined
  if (choice.pipeline !== undefined) return pipelineFilter(field, choice.pipeline)
  return form.fields.filter(f => f.type === 'stage').length > 1 ? { and: [{ field: field.id, op: 'notEmpty' }] } : undefined
}

/** The form as one choice sees it: the choice's stage field narrowed to its pipeline (kanban lanes, stage lists). */
export function formForChoice(form: FormDef, choice: PipelineChoice | undefined): FormDef {
  if (choice?.pipeline === undefined) return form
  return { ...form, fields: form.fields.map(f => (f.id === choice.fieldId && f.type === 'stage' ? pipelineStageField(f, choice.pipeline) : f)) }
}

/** Which pipeline a stage widget shows, for its config panel and its subtitle. */
import type { FieldOf, FormDef, Label, WidgetDef } from '../schema/types'
import { pipelineFieldOf, pipelineSets, resolvePipeline } from '../stages/pipelines'

/** The stage field a widget's figures run over: its own `stageField`, or a chart's stage metric's. */
export function widgetStageFieldId(config: Readonly<Record<string, unknown>>): string | undefined {
  const own = config.stageField
  if (typeof own === 'string' && own !== '') return own
  const metric = config.stageMetric as { stageField?: unknown } | undefined
  return typeof metric?.stageField === 'string' ? metric.stageField : undefined
}

/** One pipeline a widget may show: the pipeline option's id and label. */
export interface WidgetPipelineOption {
  id: string
  label: Label
}

/** The pipelines of the stage field `fieldId` of `form` ([] when it does not split: no choice to offer). */
export function pipelineOptions(form: FormDef | undefined, fieldId: string | undefined): WidgetPipelineOption[] {
  const field = form?.fields.find((f): f is FieldOf<'stage'> => f.id === fieldId && f.type === 'stage')
  if (!field) return []
  const select = pipelineFieldOf(form!.fields, field)
  if (!select) return []
  return pipelineSets(field).map(s => ({ id: s.pipeline, label: select.options.choices.find(c => c.id === s.pipeline)?.label ?? s.pipeline }))
}

/**
 * The pipeline a stage widget shows (its `pipeline`, else the field's default), with its label;
 * undefined for a widget without a stage field that splits.
 */
export function widgetPipeline(w: WidgetDef, forms: readonly FormDef[]): WidgetPipelineOption | undefined {
  if (w.type === 'text' || w.type === 'heading' || w.type === 'pivot' || w.type === 'targetProgress') return undefined
  // figures that do not run over stages ignore the pipeline
  if (w.type === 'kpi' && (w.config.metric ?? 'measure') === 'measure') return undefined
  if (w.type === 'table' && w.config.preset !== 'stalled') return undefined
  const config = w.config as Readonly<Record<string, unknown>>
  const form = forms.find(f => f.id === config.formId)
  const fieldId = widgetStageFieldId(config)
  const options = pipelineOptions(form, fieldId)
  if (options.length === 0) return undefined
  const field = form!.fields.find(f => f.id === fieldId) as FieldOf<'stage'>
  const id = resolvePipeline(field, typeof config.pipeline === 'string' ? config.pipeline : undefined)
  return options.find(o => o.id === id)
}

/** Checks a stage field's pipelines before the designer saves it, with messages naming the pipeline. */
import type { FieldDef, FieldOf, Locale } from '../schema/types'
import { labelText } from '../utils/label'
import { pipelineFieldOf } from './pipelines'

/** One problem of a stage field's pipelines. */
export interface PipelineProblem {
  code: 'pipelineField' | 'unknownPipeline' | 'noOpenStage' | 'noWonStage' | 'unknownStage' | 'duplicatePipeline'
  /** The pipeline option at fault (none for `pipelineField`). */
  pipeline?: string
  message: { 'zh-CN': string, 'en': string }
}

/**
 * Problems of `field.options.pipelines` among the form's `fields`: the pipeline field must be a
 * select field of the form, each set must name one of its options once, and use stages of the
 * field with at least one open and one won stage.
 */
export function checkPipelines(field: FieldOf<'stage'>, fields: readonly FieldDef[]): PipelineProblem[] {
  const p = field.options.pipelines
  if (!p) return []
  const select = pipelineFieldOf(fields, field)
  if (!select) {
    return [{ code: 'pipelineField', message: { 'zh-CN': `管道字段 ${p.field} 不存在或不是单选字段`, 'en': `The pipeline field ${p.field} does not exist or is not a single-select field` } }]
  }
  const problems: PipelineProblem[] = []
  const byId = new Map(field.options.stages.map(s => [s.id, s]))
  const seen = new Set<string>()
  for (const set of p.sets) {
    const option = select.options.choices.find(c => c.id === set.pipeline)
    const name = (l: Locale) => (option ? labelText(option.label, l) || set.pipeline : set.pipeline)
    const add = (code: PipelineProblem['code'], zh: string, en: string) => problems.push({ code, pipeline: set.pipeline, message: { 'zh-CN': zh, 'en': en } })
    if (!option) {
      add('unknownPipeline', `管道「${name('zh-CN')}」已不是「${labelText(select.label, 'zh-CN')}」的选项`, `Pipeline "${name('en')}" is no longer an option of "${labelText(select.label, 'en')}"`)
      continue
    }
    if (seen.has(set.pipeline)) add('duplicatePipeline', `管道「${name('zh-CN')}」出现了两次`, `Pipeline "${name('en')}" is listed twice`)
    seen.add(set.pipeline)
    const missing = set.stages.filter(id => !byId.has(id))
    if (missing.length > 0) add('unknownStage', `管道「${name('zh-CN')}」引用了不存在的阶段 ${missing.join('、')}`, `Pipeline "${name('en')}" uses stages that no longer exist (${missing.join(', ')})`)
    const kinds = new Set(set.stages.map(id => byId.get(id)?.kind))
    if (!kinds.has('open')) add('noOpenStage', `管道「${name('zh-CN')}」至少需要一个进行中阶段`, `Pipeline "${name('en')}" needs at least one open stage`)
    if (!kinds.has('won')) add('noWonStage', `管道「${name('zh-CN')}」至少需要一个赢单阶段`, `Pipeline "${name('en')}" needs at least one won stage`)
  }
  return problems
}

/** Checks of a score field: every rule's condition fields and the learned fields exist, naming a deleted one from the form's trash. */
import type { FieldDef, FieldOf, FormDef } from '../../schema/types'
import type { IssueSink } from '../compose'
import { report } from '../compose'
import { labelText } from '../../utils/label'
import { SYSTEM_COLUMNS, walkConditions } from './walk'
import { dangling, wrongType } from './refs'

/** The name a field id had: its label in the form's trash or schema history, else the id. */
function formerName(form: FormDef, id: string): { zh: string, en: string } {
  const label = form.trash?.find(t => t.field.id === id)?.field.label
    ?? [...(form.history ?? [])].reverse().find(h => h.fieldId === id && h.label !== undefined)?.label
  return { zh: labelText(label, 'zh-CN') || id, en: labelText(label, 'en') || id }
}

function missing(sink: IssueSink, form: FormDef, path: string, id: string, zhWhere: string, enWhere: string): void {
  const name = formerName(form, id)
  report(sink, path, 'danglingReference', { id }, {
    'zh-CN': `${zhWhere}用到的字段「${name.zh}」已删除或不存在`,
    'en': `${enWhere} uses the field "${name.en}", which was deleted or does not exist`,
  })
}

/** Runs the score field checks; `scope` is the form's top-level fields by id. */
export function checkScore(sink: IssueSink, form: FormDef, field: FieldOf<'score'>, path: string, scope: ReadonlyMap<string, FieldDef>): void {
  field.options.rules.forEach((rule, j) => {
    walkConditions(rule.when, `${path}/options/rules/${j}/when`, (id, at) => {
      if (!SYSTEM_COLUMNS.has(id) && !scope.has(id)) missing(sink, form, at, id, `第 ${j + 1} 条评分规则`, `score rule ${j + 1}`)
    })
  })
  const learned = field.options.learned
  if (!learned) return
  const stage = scope.get(learned.stageField)
  if (!stage) dangling(sink, `${path}/options/learned/stageField`, learned.stageField, '学习模式的阶段字段', 'stage field of the learned mode')
  else if (stage.type !== 'stage') wrongType(sink, `${path}/options/learned/stageField`, stage, 'stage')
  learned.fields.forEach((id, j) => {
    if (!scope.has(id)) missing(sink, form, `${path}/options/learned/fields/${j}`, id, '学习模式', 'the learned mode')
  })
}

/** Checks of a score field: every rule's condition fields and the learned fields exist, naming a deleted one from the form's trash. */
import type { FieldDef, FieldOf, FormDef } from '../../schema/types'
import type { IssueSink } from '../compose'
import { report } from '../compose'
import { labelText } from '../../utils/label'
import { SYSTEM_COLUMNS, walkConditions } from './walk'
import { dangling, wrongType } from './refs'

/** A field a score field names that is not in the form, with the name it had (trash, schema history, else its id). */
export interface ScoreMissingRef {
  /** The rule's index, or -1 for a learned field. */
  rule: number
  fieldId: string
  name: { 'zh-CN': string, 'en': string }
  /** JSON pointer below the score field (`/options/rules/0/when/and/1/field`). */
  at: string
}

/** The name a field id had: its label in the form's trash or schema history, else the id. */
function formerName(form: Pick<FormDef, 'trash' | 'history'>, id: string): ScoreMissingRef['name'] {
  const label = form.trash?.find(t => t.field.id === id)?.field.label
    ?? [...(form.history ?? [])].reverse().find(h => h.fieldId === id && h.label !== undefined)?.label
  return { 'zh-CN': labelText(label, 'zh-CN') || id, 'en': labelText(label, 'en') || id }
}

/** Every rule condition field and learned field of `field` that `form` does not hold (deleted or unknown). */
export function scoreMissingRefs(form: Pick<FormDef, 'fields' | 'trash' | 'history'>, field: FieldOf<'score'>): ScoreMissingRef[] {
  const scope = new Set(form.fields.map(f => f.id))
  const out: ScoreMissingRef[] = []
  field.options.rules.forEach((rule, j) => {
    walkConditions(rule.when, `/options/rules/${j}/when`, (id, at) => {
      if (!SYSTEM_COLUMNS.has(id) && !scope.has(id)) out.push({ rule: j, fieldId: id, name: formerName(form, id), at })
    })
  })
  field.options.learned?.fields.forEach((id, j) => {
    if (!scope.has(id)) out.push({ rule: -1, fieldId: id, name: formerName(form, id), at: `/options/learned/fields/${j}` })
  })
  return out
}

/** Runs the score field checks; `scope` is the form's top-level fields by id. */
export function checkScore(sink: IssueSink, form: FormDef, field: FieldOf<'score'>, path: string, scope: ReadonlyMap<string, FieldDef>): void {
  for (const m of scoreMissingRefs(form, field)) {
    const zh = m.rule >= 0 ? `第 ${m.rule + 1} 条评分规则` : '学习模式'
    const en = m.rule >= 0 ? `score rule ${m.rule + 1}` : 'the learned mode'
    report(sink, `${path}${m.at}`, 'danglingReference', { id: m.fieldId, rule: m.rule }, {
      'zh-CN': `${zh}用到的字段「${m.name['zh-CN']}」已删除或不存在`,
      'en': `${en} uses the field "${m.name.en}", which was deleted or does not exist`,
    })
  }
  const learned = field.options.learned
  if (!learned) return
  const stage = scope.get(learned.stageField)
  if (!stage) dangling(sink, `${path}/options/learned/stageField`, learned.stageField, '学习模式的阶段字段', 'stage field of the learned mode')
  else if (stage.type !== 'stage') wrongType(sink, `${path}/options/learned/stageField`, stage, 'stage')
}

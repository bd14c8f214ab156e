/**
 * Pattern rules that are switched off: a template or backup may carry a text field whose
 * pattern could backtrack catastrophically. It installs, the rule is not applied (the field
 * behaviour leaves it out of the record schema), and these name it so the user can fix it.
 */
import type { FormDef } from '../schema/types'
import type { LocalizedMessage } from './issue'
import type { PatternRefusal } from '../utils/safe-pattern'
import { patternRule } from '../fields/text.field'
import { labelText } from '../utils/label'
import { patternRefusalText } from '../utils/safe-pattern'
import { walkFields } from './semantic/walk'

/** A text field's pattern rule that is not applied, and why, in words naming the form and field. */
export interface RefusedPatternRule {
  formId: string
  fieldId: string
  pattern: string
  reason: PatternRefusal
  message: LocalizedMessage
}

/** Every refused pattern rule of these forms, subform columns included, in field order. */
export function refusedPatternRules(forms: readonly FormDef[]): RefusedPatternRule[] {
  const out: RefusedPatternRule[] = []
  for (const form of forms) {
    walkFields(form.fields, '', (field) => {
      const rule = patternRule(field)
      if (rule === undefined || rule.verdict.ok) return
      const why = patternRefusalText(rule.pattern, rule.verdict.reason)
      const f = { zh: labelText(field.label, 'zh-CN') || field.id, en: labelText(field.label, 'en') || field.id }
      const name = { zh: labelText(form.name, 'zh-CN') || form.id, en: labelText(form.name, 'en') || form.id }
      out.push({
        formId: form.id,
        fieldId: field.id,
        pattern: rule.pattern,
        reason: rule.verdict.reason,
        message: {
          'zh-CN': `表单「${name.zh}」的字段「${f.zh}」：${why['zh-CN']}；该校验规则已停用`,
          'en': `field "${f.en}" of form "${name.en}": ${why.en}; the rule is disabled`,
        },
      })
    })
  }
  return out
}

import type { FieldDef, FormDef } from '../schema/types'
import type { ValuesValidator, WriteIssue } from './mutations'
import { behaviourOf } from '../fields/registry'
import { labelText } from '../utils/label'
import { compileRecordValidator } from '../validation/record/record-validator'
import { checkStageRules, isBlank } from './stage-rules'

const cache = new WeakMap<FormDef, ValuesValidator>()

/**
 * The record validator of a form definition (built once per definition object): the compiled
 * record schema, then computed-field and stage rules. Every write path (grid, form, paste,
 * kanban, import, batch edit) validates through this.
 *
 * - Computed fields (serial, formula, lookup, system): stored values are accepted as they are
 *   (demo serials, numbers handed out by the app); an update that *changes* one is refused.
 * - Stage rules ({@link checkStageRules}) run only when the schema found no problem with the
 *   stage field itself, so an unknown stage is reported once, by the schema.
 */
export function validatorFor(form: FormDef): ValuesValidator {
  let v = cache.get(form)
  if (!v) {
    const compiled = compileRecordValidator(form)
    const computed = form.fields.filter(f => behaviourOf(f).computed)
    const stageIds = new Set(form.fields.filter(f => f.type === 'stage').map(f => f.id))
    const opts = { computed: 'ignore' } as const
    v = (values: Record<string, unknown>, before?: Record<string, unknown>): WriteIssue[] => {
      const found = compiled(values, opts)
      const base: WriteIssue[] = found.length === 0
        ? found
        : found.map(i => ({ fieldId: i.fieldId, label: i.label, code: i.code, message: i.message }))
      const changed = before === undefined || computed.length === 0 ? [] : changedComputed(computed, values, before)
      const stage = stageIds.size > 0 && base.some(i => stageIds.has(i.fieldId)) ? [] : checkStageRules(form, values, before)
      // An import validates every row and nearly all pass: no copies of three empty lists.
      if (changed.length === 0 && stage.length === 0) return base
      return [...base, ...changed, ...stage]
    }
    cache.set(form, v)
  }
  return v
}

function changedComputed(fields: readonly FieldDef[], values: Record<string, unknown>, before: Record<string, unknown>): WriteIssue[] {
  const out: WriteIssue[] = []
  for (const f of fields) {
    const a = values[f.id]
    const b = before[f.id]
    if ((isBlank(a) && isBlank(b)) || JSON.stringify(a) === JSON.stringify(b)) continue
    out.push({
      fieldId: f.id,
      label: f.label,
      code: 'computed',
      message: {
        'zh-CN': `${labelText(f.label, 'zh-CN') || f.id}：是自动生成的字段，不能修改`,
        'en': `${labelText(f.label, 'en') || f.id}: is filled automatically and cannot be changed`,
      },
    })
  }
  return out
}

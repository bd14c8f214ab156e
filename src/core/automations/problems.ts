/**
 * Why an automation cannot run: its form, a field or a stage it names is gone (or no longer
 * of the kind it needs). A broken automation is skipped whole, never half-applied, and the
 * automations page shows these messages by name.
 */
import type { LocalizedMessage } from '../fields/behaviour'
import type { FilterNode } from '../schema/filter'
import type { FieldDef, FormDef } from '../schema/types'
import { behaviourOf } from '../fields/registry'
import { labelText } from '../utils/label'
import type { AutomationAction, AutomationDef, FieldMapping } from './types'

/** Forms by id, as the workspace holds them. */
export type FormIndex = ReadonlyMap<string, FormDef>

const SYSTEM_FIELDS = new Set(['_id', '_createdAt', '_updatedAt', '_createdBy', '_updatedBy'])

function msg(zh: string, en: string): LocalizedMessage {
  return { 'zh-CN': zh, 'en': en }
}

function formName(form: FormDef): LocalizedMessage {
  return msg(labelText(form.name, 'zh-CN'), labelText(form.name, 'en'))
}

/** The field's label, or the label it had when it was deleted (from the form's trash), or its id. */
function fieldName(form: FormDef, fieldId: string): LocalizedMessage {
  const f = form.fields.find(x => x.id === fieldId) ?? form.trash?.find(t => t.field.id === fieldId)?.field
  return f ? msg(labelText(f.label, 'zh-CN'), labelText(f.label, 'en')) : msg(fieldId, fieldId)
}

class Checker {
  readonly problems: LocalizedMessage[] = []
  constructor(private readonly forms: FormIndex) {}

  form(id: string, role: LocalizedMessage): FormDef | undefined {
    const form = this.forms.get(id)
    if (!form) this.problems.push(msg(`${role['zh-CN']}已删除`, `the ${role.en} was deleted`))
    return form
  }

  field(form: FormDef, id: string, ok: (f: FieldDef) => boolean, need: LocalizedMessage): FieldDef | undefined {
    const f = form.fields.find(x => x.id === id)
    const form_ = formName(form)
    const name = fieldName(form, id)
    if (!f) this.problems.push(msg(`「${form_['zh-CN']}」的字段「${name['zh-CN']}」已删除`, `field "${name.en}" of "${form_.en}" was deleted`))
    else if (!ok(f)) this.problems.push(msg(`「${form_['zh-CN']}」的字段「${name['zh-CN']}」不是${need['zh-CN']}`, `field "${name.en}" of "${form_.en}" is not ${need.en}`))
    return f && ok(f) ? f : undefined
  }

  mappings(form: FormDef, values: readonly FieldMapping[], trigger: FormDef, created: readonly (string | undefined)[]): void {
    for (const m of values) {
      const f = this.field(form, m.fieldId, x => !behaviourOf(x).computed, msg('可填写的字段', 'a writable field'))
      if (!f) continue
      const s = m.source
      if (s.kind === 'trigger' && !(f.type === 'relation' && f.options.formId === trigger.id))
        this.problems.push(msg(`字段「${fieldName(form, f.id)['zh-CN']}」不是关联「${formName(trigger)['zh-CN']}」的关联字段`, `field "${fieldName(form, f.id).en}" does not link to "${formName(trigger).en}"`))
      if (s.kind === 'created' && !(f.type === 'relation' && created[s.action] !== undefined && f.options.formId === created[s.action]))
        this.problems.push(msg(`字段「${fieldName(form, f.id)['zh-CN']}」不能关联第 ${s.action + 1} 步新建的记录`, `field "${fieldName(form, f.id).en}" cannot link to the record created by step ${s.action + 1}`))
    }
  }

  condition(form: FormDef, node: FilterNode): void {
    if ('and' in node || 'or' in node) {
      for (const child of 'and' in node ? node.and : node.or) this.condition(form, child)
      return
    }
    if (!SYSTEM_FIELDS.has(node.field)) this.field(form, node.field, () => true, msg('', ''))
  }

  action(trigger: FormDef, action: AutomationAction, created: readonly (string | undefined)[]): void {
    switch (action.kind) {
      case 'createRecord': {
        const target = this.form(action.formId, msg('目标表单', 'target form'))
        if (target) this.mappings(target, action.values, trigger, created)
        return
      }
      case 'setFields':
        this.mappings(trigger, action.values, trigger, created)
        return
      case 'setLinkedFields': {
        const rel = this.field(trigger, action.relationFieldId, f => f.type === 'relation', msg('关联字段', 'a relation field'))
        const target = rel?.type === 'relation' ? this.form(rel.options.formId, msg('关联的表单', 'linked form')) : undefined
        if (target) this.mappings(target, action.values, trigger, created)
        return
      }
      case 'notify':
        if (action.to.kind === 'field') this.field(trigger, action.to.fieldId, f => f.type === 'member', msg('成员字段', 'a member field'))
        return
    }
  }
}

/** What stops `automation` from running; [] when it can run. */
export function automationProblems(automation: AutomationDef, forms: FormIndex): LocalizedMessage[] {
  const c = new Checker(forms)
  const t = automation.trigger
  const form = c.form(t.formId, msg('触发表单', 'trigger form'))
  if (!form) return c.problems
  switch (t.kind) {
    case 'created': break
    case 'fieldChanged': c.field(form, t.fieldId, () => true, msg('', '')); break
    case 'stageEntered':
    case 'stageLeft': {
      const f = c.field(form, t.fieldId, x => x.type === 'stage', msg('阶段字段', 'a stage field'))
      if (f?.type === 'stage' && !f.options.stages.some(s => s.id === t.stageId)) {
        const old = f.options.removedStages?.find(s => s.id === t.stageId)
        const name = old ? msg(labelText(old.label, 'zh-CN'), labelText(old.label, 'en')) : msg(t.stageId, t.stageId)
        c.problems.push(msg(`阶段「${name['zh-CN']}」已删除`, `stage "${name.en}" was removed`))
      }
      break
    }
    case 'stageOutcome':
    case 'stalled':
      c.field(form, t.fieldId, x => x.type === 'stage', msg('阶段字段', 'a stage field'))
      break
    case 'dateReached':
      c.field(form, t.fieldId, x => x.type === 'date', msg('日期字段', 'a date field'))
      break
  }
  if (automation.condition) c.condition(form, automation.condition)
  const created = automation.actions.map(a => (a.kind === 'createRecord' ? a.formId : undefined))
  automation.actions.forEach((a, i) => c.action(form, a, created.slice(0, i)))
  return c.problems
}

/**
 * Building and saving automations by clicking: a new automation's defaults, the trigger a kind
 * starts with on a form, the fields each trigger and action may name, fixed values as formula
 * literals, what a draft still lacks before it can be saved, and the app transaction that saves
 * or removes one.
 */
import type { LocalizedMessage } from '../fields/behaviour'
import type { AppDef, FieldDef, FormDef, Label } from '../schema/types'
import type { Transaction } from '../storage/adapter'
import { behaviourOf } from '../fields/registry'
import { newId } from '../utils/id'
import { labelText } from '../utils/label'
import type { AutomationAction, AutomationDef, AutomationTrigger, ActionKind, FieldMapping, TriggerKind } from './types'

/** Trigger kinds in the order the editor offers them. */
export const TRIGGER_KINDS: readonly TriggerKind[] = ['stageEntered', 'stageLeft', 'stageOutcome', 'stalled', 'created', 'fieldChanged', 'dateReached']
/** Action kinds in the order the editor offers them. */
export const ACTION_KINDS: readonly ActionKind[] = ['createRecord', 'setFields', 'setLinkedFields', 'notify']

/** Fields a trigger of `kind` can watch on `form`. */
export function triggerFields(kind: TriggerKind, form: FormDef): FieldDef[] {
  switch (kind) {
    case 'created': return []
    case 'fieldChanged': return form.fields.filter(f => f.type !== 'separator' && f.type !== 'description')
    case 'stageEntered':
    case 'stageLeft':
    case 'stageOutcome':
    case 'stalled': return form.fields.filter(f => f.type === 'stage')
    case 'dateReached': return form.fields.filter(f => f.type === 'date')
  }
}

/** The trigger of `kind` on `form` with its first fitting field (and stage), keeping `prev`'s field and stage where they fit. */
export function defaultTrigger(kind: TriggerKind, form: FormDef, prev?: AutomationTrigger): AutomationTrigger | undefined {
  const fields = triggerFields(kind, form)
  const prevField = prev && 'fieldId' in prev ? fields.find(f => f.id === prev.fieldId) : undefined
  const field = prevField ?? fields[0]
  const formId = form.id
  switch (kind) {
    case 'created': return { kind, formId }
    case 'fieldChanged': return field ? { kind, formId, fieldId: field.id } : undefined
    case 'stageEntered':
    case 'stageLeft': {
      if (field?.type !== 'stage') return undefined
      const stages = field.options.stages
      const keep = prev && 'stageId' in prev && stages.some(s => s.id === prev.stageId) ? prev.stageId : undefined
      const stageId = keep ?? stages[0]?.id
      return stageId ? { kind, formId, fieldId: field.id, stageId } : undefined
    }
    case 'stageOutcome': return field ? { kind, formId, fieldId: field.id, outcome: 'won' } : undefined
    case 'stalled': return field ? { kind, formId, fieldId: field.id } : undefined
    case 'dateReached': return field ? { kind, formId, fieldId: field.id, offsetDays: 0 } : undefined
  }
}

/** A new, enabled automation on `form`: "a stage is entered" on its first stage field, else "a record is created". */
export function newAutomation(form: FormDef, name: Label, now: number): AutomationDef {
  const trigger = defaultTrigger('stageEntered', form) ?? { kind: 'created', formId: form.id }
  return { id: newId(), name, enabled: true, trigger, actions: [], createdAt: now, updatedAt: now }
}

/** Fields an action may set on `form`: stored, writable ones (not computed, not read-only, not layout). */
export function settableFields(form: FormDef): FieldDef[] {
  return form.fields.filter(f => !behaviourOf(f).computed && !f.readOnly && f.type !== 'separator' && f.type !== 'description')
}

/** A new action of `kind` whose targets are the first that fit, or undefined when none does (no other form, no relation or member field). */
export function newAction(kind: ActionKind, trigger: FormDef, appForms: readonly FormDef[]): AutomationAction | undefined {
  switch (kind) {
    case 'createRecord': {
      const target = appForms.find(f => f.id !== trigger.id) ?? appForms[0]
      return target ? { kind, formId: target.id, values: [] } : undefined
    }
    case 'setFields': return { kind, values: [] }
    case 'setLinkedFields': {
      const rel = trigger.fields.find(f => f.type === 'relation')
      return rel ? { kind, relationFieldId: rel.id, values: [] } : undefined
    }
    case 'notify': {
      const member = trigger.fields.find(f => f.type === 'member')
      return { kind, to: member ? { kind: 'field', fieldId: member.id } : { kind: 'member', memberId: '' }, message: '' }
    }
  }
}

/** The form whose fields an action's mappings set, if it still exists. */
export function actionTargetForm(action: AutomationAction, trigger: FormDef, forms: ReadonlyMap<string, FormDef>): FormDef | undefined {
  switch (action.kind) {
    case 'createRecord': return forms.get(action.formId)
    case 'setFields': return trigger
    case 'setLinkedFields': {
      const rel = trigger.fields.find(f => f.id === action.relationFieldId)
      return rel?.type === 'relation' ? forms.get(rel.options.formId) : undefined
    }
    case 'notify': return undefined
  }
}

/** A fixed text as a formula that gives exactly it (Excel style: a quote inside is doubled). */
export function literalFormula(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/** The text a formula gives when it is a single text or number literal (how fixed values are stored), else undefined. */
export function literalOf(formula: string): string | undefined {
  const f = formula.trim()
  const m = /^"((?:[^"]|"")*)"$/.exec(f)
  if (m) return m[1]!.replace(/""/g, '"')
  return /^-?\d+(?:\.\d+)?$/.test(f) ? f : undefined
}

/** Required fields of `target` (always shown, no default) that `values` leave unset. */
export function missingRequired(target: FormDef, values: readonly FieldMapping[]): FieldDef[] {
  const set = new Set(values.map(v => v.fieldId))
  return settableFields(target).filter(f => f.required && !set.has(f.id) && f.default === undefined && f.visibleWhen === undefined)
}

function msg(zh: string, en: string): LocalizedMessage {
  return { 'zh-CN': zh, 'en': en }
}

/**
 * What keeps a draft from being saved, one message per problem: no name, no action, an action
 * that sets nothing or has no message or recipient, a created record missing a required field,
 * a mapping without a formula. (What breaks a saved one later is `automationProblems`.)
 */
export function draftProblems(draft: AutomationDef, forms: ReadonlyMap<string, FormDef>): LocalizedMessage[] {
  const out: LocalizedMessage[] = []
  if (!labelText(draft.name, 'zh-CN').trim() && !labelText(draft.name, 'en').trim()) out.push(msg('请填写名称', 'Give it a name'))
  const trigger = forms.get(draft.trigger.formId)
  if (!trigger) return [...out, msg('请选择触发的表单', 'Choose the form that triggers it')]
  if (!draft.actions.length) out.push(msg('请至少添加一个动作', 'Add at least one action'))
  draft.actions.forEach((a, i) => {
    const step = msg(`第 ${i + 1} 步`, `Step ${i + 1}`)
    if (a.kind === 'notify') {
      if (!a.message.trim()) out.push(msg(`${step['zh-CN']}：请填写通知内容`, `${step.en}: write the message`))
      if (a.to.kind === 'member' && !a.to.memberId) out.push(msg(`${step['zh-CN']}：请选择通知谁`, `${step.en}: choose who is notified`))
      return
    }
    if (a.kind !== 'createRecord' && !a.values.length) out.push(msg(`${step['zh-CN']}：请至少设置一个字段`, `${step.en}: set at least one field`))
    for (const v of a.values) {
      if (v.source.kind === 'formula' && !v.source.formula.trim()) out.push(msg(`${step['zh-CN']}：有字段还没有填写值`, `${step.en}: a field has no value yet`))
    }
    const target = actionTargetForm(a, trigger, forms)
    if (a.kind === 'createRecord' && target) {
      for (const f of missingRequired(target, a.values))
        out.push(msg(`${step['zh-CN']}：「${labelText(f.label, 'zh-CN')}」是必填字段，请设置它的值`, `${step.en}: "${labelText(f.label, 'en')}" is required, set its value`))
    }
  })
  return out
}

/** The app with `automation` saved (replacing the one of the same id, else added at the end). */
export function saveAutomationTx(app: AppDef, automation: AutomationDef, now: number): { app: AppDef, tx: Transaction } {
  const list = app.automations ?? []
  const saved = { ...automation, updatedAt: now }
  const at = list.findIndex(a => a.id === automation.id)
  const automations = at >= 0 ? list.map((a, i) => (i === at ? saved : a)) : [...list, saved]
  const next: AppDef = { ...app, automations, updatedAt: now }
  return { app: next, tx: { defs: { put: [{ kind: 'app', doc: next }] } } }
}

/** The app without the automation `id`. */
export function removeAutomationTx(app: AppDef, id: string, now: number): { app: AppDef, tx: Transaction } {
  const next: AppDef = { ...app, automations: (app.automations ?? []).filter(a => a.id !== id), updatedAt: now }
  return { app: next, tx: { defs: { put: [{ kind: 'app', doc: next }] } } }
}

/**
 * Automations in words, for the list and the run log: "「商机」的「销售阶段」进入「需求分析」时",
 * "在「跟进记录」新建一条记录（填写 主题、类型）", "通知了 张伟". Names come from the current
 * definitions; a form or field that is gone reads "(deleted)".
 */
import type { AutomationAction, AutomationDef, RunEffect } from '@/core/automations'
import type { FieldDef, Locale } from '@/core/schema/types'
import { countConditions } from '@/core/views'
import { labelText } from '@/core/utils/label'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useWorkspaceStore } from '@/stores/workspace'

export function useAutomationText() {
  const { t, locale } = useI18n()
  const workspace = useWorkspaceStore()
  const loc = computed(() => locale.value as Locale)
  const gone = () => t('automations.summary.gone')
  const formName = (id: string): string => {
    const f = workspace.formById.get(id)
    return f ? labelText(f.name, loc.value) : gone()
  }
  const fieldOf = (formId: string, fieldId: string): FieldDef | undefined => workspace.formById.get(formId)?.fields.find(f => f.id === fieldId)
  const fieldName = (formId: string, fieldId: string): string => {
    const f = fieldOf(formId, fieldId)
    return f ? labelText(f.label, loc.value) : gone()
  }
  const list = (names: string[]): string => names.join(t('automations.summary.list'))
  const memberName = (id: string): string => workspace.settings.members?.find(m => m.id === id)?.name ?? gone()

  function stageName(formId: string, fieldId: string, stageId: string): string {
    const f = fieldOf(formId, fieldId)
    const s = f?.type === 'stage' ? f.options.stages.find(x => x.id === stageId) : undefined
    return s ? labelText(s.label, loc.value) : gone()
  }

  function triggerText(a: AutomationDef): string {
    const tr = a.trigger
    const form = formName(tr.formId)
    let text: string
    switch (tr.kind) {
      case 'created': text = t('automations.summary.created', { form }); break
      case 'fieldChanged': text = t('automations.summary.fieldChanged', { form, field: fieldName(tr.formId, tr.fieldId) }); break
      case 'stageEntered':
      case 'stageLeft':
        text = t(`automations.summary.${tr.kind}`, { form, field: fieldName(tr.formId, tr.fieldId), stage: stageName(tr.formId, tr.fieldId, tr.stageId) })
        break
      case 'stageOutcome': text = t(`automations.summary.${tr.outcome}`, { form, field: fieldName(tr.formId, tr.fieldId) }); break
      case 'stalled':
        text = tr.days === undefined
          ? t('automations.summary.stalledDefault', { form, field: fieldName(tr.formId, tr.fieldId) })
          : t('automations.summary.stalled', { form, field: fieldName(tr.formId, tr.fieldId), n: tr.days })
        break
      case 'dateReached': {
        const off = tr.offsetDays ?? 0
        const key = off === 0 ? 'dateReached' : off < 0 ? 'dateBefore' : 'dateAfter'
        text = t(`automations.summary.${key}`, { form, field: fieldName(tr.formId, tr.fieldId), n: Math.abs(off) })
        break
      }
    }
    const n = a.condition ? countConditions(a.condition) : 0
    return n ? text + t('automations.summary.condition', { n }) : text
  }

  function who(action: Extract<AutomationAction, { kind: 'notify' }>, triggerFormId: string): string {
    if (action.to.kind === 'field') return t('automations.summary.toField', { field: fieldName(triggerFormId, action.to.fieldId) })
    return action.to.memberId ? memberName(action.to.memberId) : t('automations.summary.nobody')
  }

  function actionText(action: AutomationAction, triggerFormId: string): string {
    switch (action.kind) {
      case 'createRecord': {
        const fields = action.values.map(v => fieldName(action.formId, v.fieldId))
        return fields.length
          ? t('automations.summary.createRecord', { form: formName(action.formId), fields: list(fields) })
          : t('automations.summary.createRecordEmpty', { form: formName(action.formId) })
      }
      case 'setFields':
        return t('automations.summary.setFields', { fields: list(action.values.map(v => fieldName(triggerFormId, v.fieldId))) })
      case 'setLinkedFields': {
        const rel = fieldOf(triggerFormId, action.relationFieldId)
        const target = rel?.type === 'relation' ? rel.options.formId : ''
        return t('automations.summary.setLinkedFields', { relation: fieldName(triggerFormId, action.relationFieldId), fields: list(action.values.map(v => fieldName(target, v.fieldId))) })
      }
      case 'notify': return t('automations.summary.notify', { who: who(action, triggerFormId) })
    }
  }

  function effectText(e: RunEffect): string {
    switch (e.kind) {
      case 'created': return t('automations.log.created', { form: formName(e.formId) })
      case 'updated': return t('automations.log.updated', { form: formName(e.formId), n: e.recordIds.length, fields: list(e.fieldIds.map(id => fieldName(e.formId, id))) })
      case 'notified': return t('automations.log.notified', { who: e.memberIds.length ? list(e.memberIds.map(memberName)) : t('automations.log.everyone') })
    }
  }

  return { triggerText, actionText, effectText, formName }
}

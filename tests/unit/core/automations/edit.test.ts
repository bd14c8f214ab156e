import { describe, expect, it } from 'vitest'
import type { AutomationDef } from '@/core/automations'
import { automationProblems, defaultTrigger, draftProblems, literalFormula, literalOf, newAction, newAutomation, removeAutomationTx, saveAutomationTx, settableFields, triggerFields } from '@/core/automations'
import type { AppDef, FormDef } from '@/core/schema/types'

const deals: FormDef = {
  schemaVersion: 1, id: 'deals', name: 'Deals', createdAt: 0, updatedAt: 0,
  fields: [
    { id: 'title', type: 'text', label: 'Title' },
    { id: 'close', type: 'date', label: 'Close' },
    { id: 'owner', type: 'member', label: 'Owner' },
    { id: 'acct', type: 'relation', label: 'Account', options: { formId: 'accounts' } },
    { id: 'weighted', type: 'formula', label: 'Weighted', options: { expression: '1' } },
    { id: 'stage', type: 'stage', label: 'Stage', options: { stages: [
      { id: 's1', label: 'Lead', kind: 'open' },
      { id: 's2', label: 'Needs', kind: 'open' },
      { id: 'won', label: 'Won', kind: 'won' },
    ] } },
  ],
} as FormDef

const tasks: FormDef = {
  schemaVersion: 1, id: 'tasks', name: { 'zh-CN': '任务', 'en': 'Tasks' }, createdAt: 0, updatedAt: 0,
  fields: [
    { id: 'subject', type: 'text', label: { 'zh-CN': '主题', 'en': 'Subject' }, required: true },
    { id: 'kind', type: 'text', label: 'Kind', required: true, default: { kind: 'static', value: 'call' } },
    { id: 'deal', type: 'relation', label: 'Deal', options: { formId: 'deals' } },
  ],
} as FormDef

const forms = new Map([[deals.id, deals], [tasks.id, tasks]])
const app: AppDef = { schemaVersion: 1, id: 'a', name: 'A', formIds: ['deals', 'tasks'], dashboardIds: [], createdAt: 0, updatedAt: 0 }

describe('automation drafts', () => {
  it('should start a new automation on the form\'s first stage field and first stage, with no action yet', () => {
    const a = newAutomation(deals, { 'zh-CN': '新智能助手', 'en': 'New' }, 5)
    expect(a.trigger).toEqual({ kind: 'stageEntered', formId: 'deals', fieldId: 'stage', stageId: 's1' })
    expect(a.enabled).toBe(true)
    expect(a.actions).toEqual([])
    expect(draftProblems(a, forms).map(p => p.en)).toEqual(['Add at least one action'])
  })

  it('should fall back to "a record is created" on a form without a stage field', () => {
    expect(newAutomation(tasks, 'x', 0).trigger).toEqual({ kind: 'created', formId: 'tasks' })
    expect(defaultTrigger('stalled', tasks)).toBeUndefined()
  })

  it('should keep the field and stage when the trigger kind changes, where they fit', () => {
    const entered = { kind: 'stageEntered' as const, formId: 'deals', fieldId: 'stage', stageId: 's2' }
    expect(defaultTrigger('stageLeft', deals, entered)).toEqual({ ...entered, kind: 'stageLeft' })
    expect(defaultTrigger('stageOutcome', deals, entered)).toEqual({ kind: 'stageOutcome', formId: 'deals', fieldId: 'stage', outcome: 'won' })
    expect(defaultTrigger('dateReached', deals, entered)).toEqual({ kind: 'dateReached', formId: 'deals', fieldId: 'close', offsetDays: 0 })
  })

  it('should offer only fitting fields per trigger, and never computed ones to set', () => {
    expect(triggerFields('dateReached', deals).map(f => f.id)).toEqual(['close'])
    expect(triggerFields('stalled', deals).map(f => f.id)).toEqual(['stage'])
    expect(settableFields(deals).map(f => f.id)).toEqual(['title', 'close', 'owner', 'acct', 'stage'])
  })

  it('should pick the first fitting target for each new action', () => {
    expect(newAction('createRecord', deals, [deals, tasks])).toEqual({ kind: 'createRecord', formId: 'tasks', values: [] })
    expect(newAction('setLinkedFields', deals, [deals, tasks])).toEqual({ kind: 'setLinkedFields', relationFieldId: 'acct', values: [] })
    expect(newAction('setLinkedFields', { ...tasks, fields: [] }, [tasks])).toBeUndefined()
    expect(newAction('notify', deals, [deals])).toEqual({ kind: 'notify', to: { kind: 'field', fieldId: 'owner' }, message: '' })
  })

  it('should store a fixed value as a formula literal and read it back, quotes included', () => {
    expect(literalFormula('会面')).toBe('"会面"')
    expect(literalFormula('say "hi"')).toBe('"say ""hi"""')
    expect(literalOf(literalFormula('say "hi"'))).toBe('say "hi"')
    expect(literalOf('42')).toBe('42')
    expect(literalOf('TODAY() + 3')).toBeUndefined()
    expect(literalOf('"a" & {title}')).toBeUndefined()
  })

  it('should name what a draft lacks: a required field of the created record, an empty message, a missing recipient', () => {
    const draft: AutomationDef = {
      ...newAutomation(deals, '', 0),
      actions: [
        { kind: 'createRecord', formId: 'tasks', values: [{ fieldId: 'deal', source: { kind: 'trigger' } }] },
        { kind: 'notify', to: { kind: 'member', memberId: '' }, message: ' ' },
        { kind: 'setFields', values: [] },
      ],
    }
    expect(draftProblems(draft, forms).map(p => p['zh-CN'])).toEqual([
      '请填写名称',
      '第 1 步：「主题」是必填字段，请设置它的值',
      '第 2 步：请填写通知内容',
      '第 2 步：请选择通知谁',
      '第 3 步：请至少设置一个字段',
    ])
    const fixed: AutomationDef = { ...draft, name: 'ok', actions: [{ kind: 'createRecord', formId: 'tasks', values: [{ fieldId: 'subject', source: { kind: 'formula', formula: '"x"' } }] }] }
    expect(draftProblems(fixed, forms)).toEqual([])
    expect(automationProblems(fixed, forms)).toEqual([])
  })

  it('should save a new automation at the end, replace an edited one in place, and remove one', () => {
    const a = { ...newAutomation(deals, 'one', 0), id: 'x1' }
    const b = { ...newAutomation(deals, 'two', 0), id: 'x2' }
    const one = saveAutomationTx(app, a, 10)
    const two = saveAutomationTx(one.app, b, 11)
    expect(two.app.automations?.map(x => x.id)).toEqual(['x1', 'x2'])
    const edited = saveAutomationTx(two.app, { ...a, name: 'renamed' }, 12)
    expect(edited.app.automations?.map(x => [x.id, x.name, x.updatedAt])).toEqual([['x1', 'renamed', 12], ['x2', 'two', 11]])
    expect(edited.tx).toEqual({ defs: { put: [{ kind: 'app', doc: edited.app }] } })
    expect(removeAutomationTx(edited.app, 'x1', 13).app.automations?.map(x => x.id)).toEqual(['x2'])
  })
})

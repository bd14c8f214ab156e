import { describe, expect, it } from 'vitest'
import type { AutomationDef, AutomationEnv } from '@/core/automations'
import { automate } from '@/core/automations'
import type { FormDef, RecordRow } from '@/core/schema/types'
import { updateRecords, validatorFor } from '@/core/records'

const deals: FormDef = {
  schemaVersion: 1, id: 'deals', name: 'Deals', createdAt: 0, updatedAt: 0,
  fields: [
    { id: 'title', type: 'text', label: 'Title' },
    { id: 'n', type: 'number', label: 'N' },
    { id: 'stage', type: 'stage', label: 'Stage', options: { stages: [
      { id: 's1', label: 'Lead', kind: 'open' },
      { id: 's2', label: 'Needs', kind: 'open' },
      { id: 'won', label: 'Won', kind: 'won' },
    ] } },
  ],
} as FormDef

const tasks: FormDef = {
  schemaVersion: 1, id: 'tasks', name: 'Tasks', createdAt: 0, updatedAt: 0,
  fields: [
    { id: 'subject', type: 'text', label: 'Subject', required: true },
    { id: 'deal', type: 'relation', label: 'Deal', options: { formId: 'deals' } },
  ],
} as FormDef

const row: RecordRow = { id: 'd1', values: { title: 'Acme', n: 1, stage: 's1' }, createdAt: 0, updatedAt: 0, rev: 3 }
let seq = 0

function env(automations: AutomationDef[]): AutomationEnv {
  const byId = new Map([[row.id, row]])
  return {
    automations,
    forms: new Map([[deals.id, deals], [tasks.id, tasks]]),
    rows: id => (id === 'deals' ? { rows: [row], byId } : { rows: [], byId: new Map() }),
    members: [],
    ctx: { now: Date.UTC(2025, 5, 1) },
    validatorFor: f => validatorFor(f),
    newId: () => `id${++seq}`,
  }
}

const base = { enabled: true, createdAt: 0, updatedAt: 0 }
const enterNeeds: AutomationDef = {
  ...base, id: 'a1', name: '需求调研', trigger: { kind: 'stageEntered', formId: 'deals', fieldId: 'stage', stageId: 's2' },
  actions: [{ kind: 'createRecord', formId: 'tasks', values: [
    { fieldId: 'subject', source: { kind: 'formula', formula: '"调研 " & {title}' } },
    { fieldId: 'deal', source: { kind: 'trigger' } },
  ] }],
}

function move(stage: string, extra: Record<string, unknown> = {}) {
  const e = env([])
  const w = updateRecords(deals, e.rows('deals')!.byId, [{ recordId: 'd1', values: { stage, ...extra } }], validatorFor(deals), e.ctx)
  if (!w.ok) throw new Error('refused')
  return w.tx
}

describe('automate', () => {
  it('entering the stage creates one linked task in the same transaction', () => {
    const out = automate(move('s2'), env([enterNeeds]))!
    const put = out.tx.records!.tasks!.put!
    expect(put).toHaveLength(1)
    expect(put[0]!.values).toMatchObject({ subject: '调研 Acme', deal: 'd1' })
    expect(out.tx.records!.deals!.put![0]!.values.stage).toBe('s2')
    expect(out.tx.changes!.find(c => c.formId === 'tasks')?.automationId).toBe('a1')
    expect(out.runs).toHaveLength(1)
    expect(out.runs[0]!.effects[0]).toMatchObject({ kind: 'created', formId: 'tasks' })
  })

  it('does not fire on other stages', () => {
    expect(automate(move('won'), env([enterNeeds]))).toBeUndefined()
  })

  it('a run whose record the target refuses writes nothing of it and logs why', () => {
    const bad: AutomationDef = { ...enterNeeds, actions: [{ kind: 'createRecord', formId: 'tasks', values: [] }] }
    const out = automate(move('s2'), env([bad]))!
    expect(out.tx.records!.tasks).toBeUndefined()
    expect(out.runs[0]!.error).toBeDefined()
  })

  it('a broken automation (target form deleted) is skipped, named', () => {
    const e = env([{ ...enterNeeds, actions: [{ kind: 'createRecord', formId: 'gone', values: [] }] }])
    const out = automate(move('s2'), e)!
    expect(out.tx.records!.tasks).toBeUndefined()
    expect(out.runs[0]!.error!['zh-CN']).toContain('目标表单已删除')
  })

  it('a self-triggering automation runs one round: N = 1 + 1 once, then cut with a message', () => {
    const self: AutomationDef = {
      ...base, id: 'a2', name: 'Bump', trigger: { kind: 'fieldChanged', formId: 'deals', fieldId: 'n' },
      actions: [{ kind: 'setFields', values: [{ fieldId: 'n', source: { kind: 'formula', formula: '{n} + 1' } }] }],
    }
    const out = automate(move('s1', { n: 5 }), env([self]))!
    const put = out.tx.records!.deals!.put!
    expect(put).toHaveLength(1)
    expect(put[0]!.values.n).toBe(6)
    // One put per record at the rev the user's change claimed (stored 3 -> 4).
    expect(put[0]!.rev).toBe(4)
    expect(out.cuts).toEqual([expect.objectContaining({ automationId: 'a2', byAutomationId: 'a2' })])
  })
})

import { describe, expect, it } from 'vitest'
import type { AutomationEnv } from '@/core/automations'
import { automate, automationProblems } from '@/core/automations'
import type { FormDef, RecordRow } from '@/core/schema/types'
import { updateRecords, validatorFor } from '@/core/records'
import { validateDocument } from '@/core/validation/validate-document'
import { remapBundle } from '@/core/template/remap'
import { salesTemplate } from '../../../fixtures/template'

const t = salesTemplate()
const forms = new Map<string, FormDef>(t.bundle.forms.map(f => [f.id, f]))
const automations = t.bundle.app.automations ?? []
const deal: RecordRow = {
  id: 'd1', rev: 2, createdAt: 0, updatedAt: 0,
  values: { f_opp_title: 'Acme 扩容', f_opp_account: 'acc1', f_opp_contact: 'c1', f_opp_stage: 'stage_contact', f_opp_amount: 120000, f_opp_owner: 'm1' },
}
const NOW = Date.UTC(2026, 0, 10, 4)
let seq = 0

function env(): AutomationEnv {
  const byId = new Map([[deal.id, deal]])
  return {
    automations, forms,
    rows: id => (id === 'form_opportunity' ? { rows: [deal], byId } : { rows: [], byId: new Map() }),
    members: [{ id: 'm1', name: '王芳', color: '#5470c6' }],
    ctx: { now: NOW, memberId: 'm1' },
    validatorFor: f => validatorFor(f),
    newId: () => `n${++seq}`,
  }
}

function move(stage: string, extra: Record<string, unknown> = {}) {
  const w = updateRecords(forms.get('form_opportunity')!, new Map([[deal.id, deal]]), [{ recordId: deal.id, values: { f_opp_stage: stage, ...extra } }], validatorFor(forms.get('form_opportunity')!), { now: NOW })
  if (!w.ok) throw new Error(JSON.stringify(w.issues))
  return w.tx
}

describe('sales-funnel template automations', () => {
  it('ships the three automations of the issue, none broken', () => {
    expect(automations.map(a => a.trigger.kind)).toEqual(['stageEntered', 'stageEntered', 'stalled'])
    for (const a of automations) expect(automationProblems(a, forms)).toEqual([])
  })

  it('entering 需求分析 creates one 需求调研 task linked to the deal, due in 3 days, same owner', () => {
    const out = automate(move('stage_needs'), env())!
    expect(out.runs.map(r => r.error)).toEqual([undefined])
    const tasks = out.tx.records!.form_activity!.put!
    expect(tasks).toHaveLength(1)
    expect(tasks[0]!.values).toMatchObject({ f_act_subject: '需求调研：Acme 扩容', f_act_type: 'act_meeting', f_act_opportunity: 'd1', f_act_date: '2026-01-13', f_act_owner: 'm1' })
  })

  it('entering 成交与签约 creates a draft contract and a payment of the deal amount pointing at that contract', () => {
    const out = automate(move('stage_won'), env())!
    expect(out.runs.map(r => r.error)).toEqual([undefined])
    const [contract] = out.tx.records!.form_contract!.put!
    const [payment] = out.tx.records!.form_payment!.put!
    expect(contract!.values).toMatchObject({ f_ct_title: '合同：Acme 扩容', f_ct_opportunity: 'd1', f_ct_account: 'acc1', f_ct_amount: 120000, f_ct_status: 'ct_draft' })
    expect(payment!.values).toMatchObject({ f_pay_contract: contract!.id, f_pay_amount: 120000, f_pay_date: '2026-02-09', f_pay_installment: 1 })
  })

  it('an app document with an automation of an unknown trigger kind is refused, naming the automation', () => {
    const app = { ...t.bundle.app, automations: [{ ...automations[0]!, trigger: { kind: 'whenever', formId: 'form_opportunity' } }] }
    const r = validateDocument('app', JSON.parse(JSON.stringify(app)))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]!.message['zh-CN']).toContain('第 1 个智能助手（需求分析 → 需求调研任务）')
  })

  it('an install re-points the automations to the installed forms under new ids', () => {
    let n = 0
    const { bundle, formIds } = remapBundle(t.bundle, () => `x${++n}`, 5)
    const [a, b] = bundle.app.automations!
    expect(a!.trigger.formId).toBe(formIds.form_opportunity)
    expect(a!.id).not.toBe('auto_needs_task')
    expect(b!.actions.map(x => (x.kind === 'createRecord' ? x.formId : ''))).toEqual([formIds.form_contract, formIds.form_payment])
  })
})

// The template's automations run inside the one write pipeline: a deal moved into 需求分析
// creates its 需求调研 task in the same commit and the same undo step; an import batch fires
// once per record; undo, redo and planner writes never fire again.
import type { FormDef, RecordRow } from '@/core/schema/types'
import type { Transaction } from '@/core/storage/adapter'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useAutomationLogStore } from '@/stores/automation-log'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { SCHEMA_VERSION } from '@/core/schema/types'
import { salesTemplate } from '../fixtures/template'
import { mountWithApp } from './mount-app'

const t = salesTemplate()
const OPP = 'form_opportunity'
const ACT = 'form_activity'

function deal(id: string, stage: string): RecordRow {
  return { id, rev: 1, createdAt: 1, updatedAt: 1, values: { f_opp_title: `商机 ${id}`, f_opp_account: 'acc1', f_opp_contact: 'c1', f_opp_stage: stage, f_opp_amount: 1000, f_opp_owner: 'm1' } }
}

async function setup(deals: RecordRow[]) {
  let commits = 0
  const { adapter, wrapper } = mountWithApp(defineComponent(() => () => h('div')))
  const commit = adapter.commit.bind(adapter)
  adapter.commit = (tx: Transaction) => {
    commits++
    return commit(tx)
  }
  await commit({
    defs: { put: [{ kind: 'app', doc: t.bundle.app }, ...t.bundle.forms.map((f: FormDef) => ({ kind: 'form' as const, doc: f }))] },
    records: { [OPP]: { put: deals } },
    settings: { schemaVersion: SCHEMA_VERSION, members: [{ id: 'm1', name: '王芳', color: '#5470c6' }] },
  })
  await useWorkspaceStore().load()
  const records = useRecordsStore()
  await records.ensure(OPP).loaded
  return { adapter, wrapper, records, commits: () => commits }
}

const tasksOf = (records: ReturnType<typeof useRecordsStore>) => records.ensure(ACT).rows.value.filter(r => String(r.values.f_act_subject).startsWith('需求调研'))

describe('records store: automations in the write pipeline', () => {
  it('creates the linked task in the same commit, and one undo removes both', async () => {
    const { adapter, wrapper, records, commits } = await setup([deal('d1', 'stage_contact')])
    const before = commits()
    const out = await records.update(OPP, [{ recordId: 'd1', values: { f_opp_stage: 'stage_needs' } }])
    expect(out.ok && out.saved).toBe(true)
    expect(commits() - before).toBe(1)
    const tasks = tasksOf(records)
    expect(tasks.map(r => [r.values.f_act_subject, r.values.f_act_opportunity])).toEqual([['需求调研：商机 d1', 'd1']])
    expect((await adapter.loadRecords(ACT)).map(r => r.id)).toEqual([tasks[0]!.id])
    const log = useAutomationLogStore()
    expect(log.runsOf(t.bundle.app.automations![0]!.id).map(r => r.recordId)).toEqual(['d1'])

    const undone = await records.undo(OPP)
    expect(undone).toMatchObject({ status: 'done' })
    expect(records.ensure(OPP).byId.get('d1')?.values.f_opp_stage).toBe('stage_contact')
    expect(tasksOf(records)).toEqual([])
    expect(await adapter.loadRecords(ACT)).toEqual([])
    // Redo brings both back, and does not fire the automation a second time.
    await records.redo(OPP)
    expect(records.ensure(OPP).byId.get('d1')?.values.f_opp_stage).toBe('stage_needs')
    expect(tasksOf(records).map(r => r.id)).toEqual([tasks[0]!.id])
    expect(log.runsOf(t.bundle.app.automations![0]!.id)).toHaveLength(1)
    wrapper.unmount()
  })

  it('fires once per record of an import batch, and not for a planner write', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `d${i}`)
    const { wrapper, records } = await setup(ids.map(id => deal(id, 'stage_contact')))
    await records.importBatch(OPP, { updates: ids.map(id => ({ recordId: id, values: { f_opp_stage: 'stage_needs' } })), inserts: [], index: 0, total: 1, progress: 1 }, { undoGroup: 'imp1' })
    expect(tasksOf(records).map(r => r.values.f_act_opportunity).sort()).toEqual([...ids].sort())
    // A write a planner built (a designer or stage editor save) never runs automations.
    const moved = { ...records.ensure(OPP).byId.get('d0')!, values: { ...records.ensure(OPP).byId.get('d0')!.values, f_opp_stage: 'stage_contact' } }
    await records.write({ records: { [OPP]: { put: [{ ...moved, rev: moved.rev + 1 }] } } })
    const again = { ...moved, rev: moved.rev + 1 }
    await records.write({ records: { [OPP]: { put: [{ ...again, values: { ...again.values, f_opp_stage: 'stage_needs' }, rev: again.rev + 1 }] } } })
    expect(tasksOf(records)).toHaveLength(10)
    wrapper.unmount()
  })

  it('cuts an automation that sets the field it watches after one round, and stores that round', async () => {
    const selfish = {
      id: 'auto_self', name: '复核', enabled: true, createdAt: 0, updatedAt: 0,
      trigger: { kind: 'fieldChanged' as const, formId: OPP, fieldId: 'f_opp_needs' },
      actions: [{ kind: 'setFields' as const, values: [{ fieldId: 'f_opp_needs', source: { kind: 'formula' as const, formula: '{f_opp_needs} & "（已复核）"' } }] }],
    }
    const { adapter, wrapper, records } = await setup([deal('d1', 'stage_contact')])
    const workspace = useWorkspaceStore()
    const app = workspace.apps[0]!
    await workspace.write({ defs: { put: [{ kind: 'app', doc: { ...app, automations: [selfish] } }] } })
    const out = await records.update(OPP, [{ recordId: 'd1', values: { f_opp_needs: '要审批' } }])
    expect(out.ok && out.saved).toBe(true)
    expect(records.ensure(OPP).byId.get('d1')?.values.f_opp_needs).toBe('要审批（已复核）')
    expect((await adapter.loadRecords(OPP)).find(r => r.id === 'd1')?.values.f_opp_needs).toBe('要审批（已复核）')
    expect(useAutomationLogStore().notice?.message['zh-CN']).toContain('会再次触发它自己，已在第一轮后停止')
    wrapper.unmount()
  })
})

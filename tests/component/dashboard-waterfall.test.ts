/**
 * The waterfall widget's "± amount changes" bar on a mounted dashboard: amounts as they were at
 * the window's start come from the form's stored change log (read for the amount field only),
 * and an edit made while the dashboard is open joins the bar at once (the history store keeps
 * the field's list in step with every applied transaction).
 */
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { AppDef, ChangeEntry, DashboardDef, FormDef, RecordRow, StageEvent } from '@/core/schema/types'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import DashboardView from '@/pages/DashboardView.vue'
import { mountWithApp, settle } from './mount-app'

const DAY = 86_400_000
const form: FormDef = {
  schemaVersion: 1, id: 'opp', appId: 'a1', name: '商机', createdAt: 1, updatedAt: 1,
  fields: [
    { id: 'name', type: 'text', label: '名称' },
    { id: 'stage', type: 'stage', label: '阶段', options: { stages: [
      { id: 's1', label: '初步接洽', kind: 'open' }, { id: 's2', label: '方案', kind: 'open' },
      { id: 'won', label: '赢单', kind: 'won' }, { id: 'lost', label: '输单', kind: 'lost' },
    ] } },
    { id: 'amount', type: 'money', label: '金额' },
  ],
}
const app: AppDef = { schemaVersion: 1, id: 'a1', name: 'CRM', formIds: ['opp'], dashboardIds: ['d1'], createdAt: 1, updatedAt: 1 }
const dashboard: DashboardDef = {
  schemaVersion: 1, id: 'd1', appId: 'a1', name: '管道', createdAt: 1, updatedAt: 1, filters: [],
  // no window set and no date filter: this month to today, which holds "now"
  widgets: [{ id: 'wf', type: 'waterfall', title: '管道变化', layout: { x: 0, y: 0, w: 6, h: 8 }, config: { formId: 'opp', stageField: 'stage', amountField: 'amount', value: 'amount' } }],
}

async function setup() {
  const now = Date.now()
  const created = now - 60 * DAY
  const row = (id: string, stage: string, amount: number): RecordRow => ({ id, values: { name: id, stage, amount }, createdAt: created, updatedAt: created, rev: 1 })
  const events: StageEvent[] = ['A', 'B', 'C'].map(id => ({ id: `e${id}`, formId: 'opp', recordId: id, fieldId: 'stage', from: null, to: id === 'C' ? 's2' : 's1', at: created }))
  // A was worth 80 until a moment ago; its name changed too (an entry the amount read leaves out)
  const changes: ChangeEntry[] = [
    { id: 'c1', formId: 'opp', recordId: 'A', at: now - 1, kind: 'update', changes: [{ field: 'amount', from: 80, to: 100 }] },
    { id: 'c2', formId: 'opp', recordId: 'C', at: now - 1, kind: 'update', changes: [{ field: 'name', from: 'c', to: 'C' }] },
  ]
  const adapter = createMemoryAdapter()
  await adapter.commit({
    defs: { put: [{ kind: 'app', doc: app }, { kind: 'form', doc: form }, { kind: 'dashboard', doc: dashboard }] },
    records: { opp: { put: [row('A', 's1', 100), row('B', 's1', 200), row('C', 's2', 300)] } },
    stageEvents: events,
    changes,
  })
  // the chart itself is drawn in the browser tests; its figures are in the screen-reader table
  const mounted = mountWithApp(DashboardView, { adapter, props: { appId: 'a1', dashboardId: 'd1' }, stubs: { WidgetChart: true } })
  await useWorkspaceStore().load()
  await settle()
  await flushPromises()
  return mounted
}

/** The waterfall's bars as its screen-reader table gives them: label → [raw value, text read]. */
function bars(): Record<string, [number, string]> {
  const rows = [...document.body.querySelectorAll<HTMLTableRowElement>('[data-widget-id=wf] [data-test=widget-data] tr')]
  return Object.fromEntries(rows.map(r => [r.dataset.label ?? '', [Number(r.dataset.value), r.querySelector('td')?.textContent ?? '']]))
}

describe('waterfall widget: amount changes from the change log', () => {
  it('should show a stored amount edit of a deal open at the start in the ± bar, and an edit made now at once', async () => {
    const { wrapper } = await setup()
    await expect.poll(() => Object.keys(bars()).length).toBe(8)
    // A: 80 at the start, 100 now
    expect(bars()).toEqual({
      '期初在途': [580, '¥580'],
      '+ 新建': [0, '¥0'],
      '+ 重新打开': [0, '¥0'],
      '− 移出': [0, '¥0'],
      '± 金额变化': [20, '¥20'],
      '− 赢单': [0, '¥0'],
      '− 输单': [0, '¥0'],
      '期末在途': [600, '¥600'],
    })
    // B's amount edited through the write pipeline: its change entry joins the bar
    await useRecordsStore().update('opp', [{ recordId: 'B', values: { amount: 275 } }])
    await settle()
    await flushPromises()
    await expect.poll(() => bars()['± 金额变化']).toEqual([95, '¥95'])
    expect(bars()['期初在途']).toEqual([580, '¥580'])
    expect(bars()['期末在途']).toEqual([675, '¥675'])
    wrapper.unmount()
  }, 20_000)
})

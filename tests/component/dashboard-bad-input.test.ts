/**
 * Issue #14's "bad input" on a mounted dashboard: a stage target outside 0–100 % and a waterfall
 * window whose end is before its start each give a message naming the widget and what is wrong
 * (the stage and its target, the two days), while the other widgets still draw.
 */
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { AppDef, DashboardDef, FormDef } from '@/core/schema/types'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useWorkspaceStore } from '@/stores/workspace'
import DashboardView from '@/pages/DashboardView.vue'
import { mountWithApp, settle } from './mount-app'

const form: FormDef = {
  schemaVersion: 1, id: 'opp', appId: 'a1', name: '商机', createdAt: 1, updatedAt: 1,
  fields: [
    { id: 'stage', type: 'stage', label: '阶段', options: { stages: [
      // a mistyped target: 150 % (the schema accepts it, so the form still loads)
      { id: 's1', label: '初步接洽', kind: 'open', targetRate: 150 }, { id: 's2', label: '方案', kind: 'open' },
      { id: 'won', label: '赢单', kind: 'won' }, { id: 'lost', label: '输单', kind: 'lost' },
    ] } },
    { id: 'amount', type: 'money', label: '金额' },
  ],
}
const app: AppDef = { schemaVersion: 1, id: 'a1', name: 'CRM', formIds: ['opp'], dashboardIds: ['d1'], createdAt: 1, updatedAt: 1 }
const layout = (x: number) => ({ x, y: 0, w: 4, h: 6 })
const dashboard: DashboardDef = {
  schemaVersion: 1, id: 'd1', appId: 'a1', name: '管道', createdAt: 1, updatedAt: 1, filters: [],
  widgets: [
    { id: 'fn', type: 'funnel', title: '销售漏斗', layout: layout(0), config: { formId: 'opp', stageField: 'stage' } },
    { id: 'wf', type: 'waterfall', title: '季度管道', layout: layout(4), config: { formId: 'opp', stageField: 'stage', from: '2025-03-01', to: '2025-02-01' } },
    { id: 'k', type: 'kpi', title: '金额合计', layout: layout(8), config: { formId: 'opp', measure: { fn: 'sum', field: 'amount' } } },
  ],
}

describe('dashboard: bad input names the widget and the rest still draws', () => {
  it('should name the funnel and the stage whose target is 150 %, and the waterfall whose end day is before its start', async () => {
    const adapter = createMemoryAdapter()
    await adapter.commit({
      defs: { put: [{ kind: 'app', doc: app }, { kind: 'form', doc: form }, { kind: 'dashboard', doc: dashboard }] },
      records: { opp: { put: [1200, 800].map((amount, i) => ({ id: `r${i}`, values: { stage: 's1', amount }, createdAt: 1, updatedAt: 1, rev: 1 })) } },
    })
    const { wrapper } = mountWithApp(DashboardView, { adapter, props: { appId: 'a1', dashboardId: 'd1' }, stubs: { WidgetChart: true } })
    await useWorkspaceStore().load()
    await settle()
    await flushPromises()
    const funnel = wrapper.find('[data-widget-id=fn] [data-test=widget-needs-config]')
    expect(funnel.text()).toContain('「销售漏斗」还需要设置')
    expect(funnel.text()).toContain('目标转化率须在 0–100% 之间：阶段 › 初步接洽: 150 %（在阶段设置中修改）')
    const waterfall = wrapper.find('[data-widget-id=wf] [data-test=widget-needs-config]')
    expect(waterfall.text()).toContain('「季度管道」还需要设置')
    expect(waterfall.text()).toContain('结束日期早于开始日期（2025-03-01 > 2025-02-01）')
    expect(wrapper.find('[data-widget-id=k] [data-test=kpi-value]').text()).toBe('¥2,000')
    wrapper.unmount()
  }, 20_000)
})

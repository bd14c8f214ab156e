import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { AppDef, DashboardDef, FormDef } from '@/core/schema/types'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useWorkspaceStore } from '@/stores/workspace'
import DashboardView from '@/pages/DashboardView.vue'
import { mountWithApp, settle } from './mount-app'

const form: FormDef = {
  schemaVersion: 1, id: 'f1', appId: 'a1', name: '客户', createdAt: 1, updatedAt: 1,
  fields: [{ id: 'name', type: 'text', label: '名称' }, { id: 'amount', type: 'money', label: '金额' }],
}
const app: AppDef = { schemaVersion: 1, id: 'a1', name: 'CRM', formIds: ['f1'], dashboardIds: ['d1'], createdAt: 1, updatedAt: 1 }
const dashboard: DashboardDef = {
  schemaVersion: 1, id: 'd1', appId: 'a1', name: '经营看板', createdAt: 1, updatedAt: 1, filters: [],
  widgets: [
    { id: 'k1', type: 'kpi', title: '金额合计', layout: { x: 0, y: 0, w: 3, h: 4 }, config: { formId: 'f1', measure: { fn: 'sum', field: 'amount' } } },
    { id: 'k2', type: 'kpi', title: '已删表单', layout: { x: 3, y: 0, w: 3, h: 4 }, config: { formId: 'gone' } },
    { id: 't1', type: 'heading', layout: { x: 0, y: 4, w: 12, h: 2 }, config: { text: { 'zh-CN': '本月概况', 'en': 'This month' } } },
  ],
}

async function setup() {
  const adapter = createMemoryAdapter()
  await adapter.commit({
    defs: { put: [{ kind: 'app', doc: app }, { kind: 'form', doc: form }, { kind: 'dashboard', doc: dashboard }] },
    records: { f1: { put: [1200, 800].map((amount, i) => ({ id: `r${i}`, values: { name: `c${i}`, amount }, createdAt: 1, updatedAt: 1, rev: 1 })) } },
  })
  const mounted = mountWithApp(DashboardView, { adapter, props: { appId: 'a1', dashboardId: 'd1' } })
  await useWorkspaceStore().load()
  await settle()
  await flushPromises()
  return mounted
}

describe('DashboardView', () => {
  it('should compute a KPI from the records and say what a widget on a deleted form needs', async () => {
    const { wrapper } = await setup()
    expect(wrapper.find('[data-test=dashboard-title]').text()).toBe('经营看板')
    expect(wrapper.find('[data-widget-id=k1] [data-test=kpi-value]').text()).toBe('¥2,000') // a sum of a money field shows its currency (issue 16)
    expect(wrapper.find('[data-widget-id=k2] [data-test=widget-needs-config]').text()).toContain('数据来源表单指向的表单已被删除')
    expect(wrapper.find('[data-test=widget-heading]').text()).toBe('本月概况')
    wrapper.unmount()
  }, 20_000)

  it('should duplicate a widget from its menu in edit mode and store the dashboard', async () => {
    const { wrapper, adapter } = await setup()
    await wrapper.find('[data-test=dashboard-mode]').trigger('click')
    expect(wrapper.findAll('[data-test=widget-configure]')).toHaveLength(3)
    await wrapper.find('[data-widget-id=k1] [data-test=widget-menu]').trigger('click')
    await flushPromises()
    // every card's menu is in the body; the open one is the one not hidden
    const item = [...document.body.querySelectorAll<HTMLElement>('[data-test=widget-duplicate]')].find(el => el.closest<HTMLElement>('.el-popper')?.style.display !== 'none')!
    item.click()
    await settle()
    expect(wrapper.findAll('[data-widget-id]')).toHaveLength(4)
    const defs = await adapter.loadDefinitions()
    expect(defs.dashboards[0]?.widgets.map(w => w.title)).toEqual(['金额合计', '已删表单', undefined, '金额合计'])
    wrapper.unmount()
  }, 20_000)
})

import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DashboardDef } from '@/core/schema/types'
import DashboardJsonEditor from '@/components/dashboard/DashboardJsonEditor.vue'
import WidgetKpi from '@/widgets/kpi/WidgetKpi.vue'
import WidgetNeedsConfig from '@/widgets/WidgetNeedsConfig.vue'
import WidgetTable from '@/widgets/table/WidgetTable.vue'
import { mountWithApp } from './mount-app'

const DASH: DashboardDef = {
  schemaVersion: 1, id: 'd1', appId: 'a1', name: '看板', createdAt: 1, updatedAt: 1, filters: [],
  widgets: [{ id: 'w1', type: 'funnel', layout: { x: 0, y: 0, w: 6, h: 6 }, config: { formId: 'f1', stageField: 's', mode: 'cumulative' } }],
}

async function typeJson(text: string) {
  const area = document.body.querySelector<HTMLTextAreaElement>('[data-test=dashboard-json]')!
  area.value = text
  area.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('dashboard widgets', () => {
  describe('WidgetKpi', () => {
    it('should show the figure, its change against the previous period and its share of target', () => {
      const { wrapper } = mountWithApp(WidgetKpi, { locale: 'en', props: { data: { type: 'kpi', metric: 'winRate', value: 0.5, format: 'percent', previous: 0.4, change: 0.25, target: 0.8, progress: 0.625 } } })
      expect(wrapper.find('[data-test=kpi-value]').text()).toBe('50.0%')
      expect(wrapper.text()).toContain('▲ 25.0% · Previous 40.0%')
      expect(wrapper.text()).toContain('62.5% / 80.0%')
      wrapper.unmount()
    })
  })

  describe('WidgetNeedsConfig', () => {
    it('should say in words what to configure', () => {
      const { wrapper } = mountWithApp(WidgetNeedsConfig, { props: { problems: [{ key: 'formId', reason: 'deletedForm', id: 'x' }, { key: 'stageField', reason: 'missing' }] } })
      expect(wrapper.text()).toContain('这个组件还需要设置')
      expect(wrapper.text()).toContain('数据来源表单指向的表单已被删除')
      expect(wrapper.text()).toContain('缺少阶段字段')
      wrapper.unmount()
    })
  })

  describe('WidgetTable', () => {
    it('should list rows and open the record clicked', async () => {
      const { wrapper } = mountWithApp(WidgetTable, { props: { data: { type: 'table', columns: [{ field: 't', label: '名称' }], rows: [{ id: 'r1', cells: ['华为'] }], total: 3 } } })
      expect(wrapper.text()).toContain('华为')
      expect(wrapper.text()).toContain('1 / 3')
      await wrapper.find('tbody tr').trigger('click')
      expect(wrapper.emitted('open')).toEqual([['r1']])
      wrapper.unmount()
    })
  })

  describe('DashboardJsonEditor', () => {
    it('should list errors by path and never apply invalid JSON', async () => {
      const { wrapper } = mountWithApp(DashboardJsonEditor, { locale: 'en', props: { dashboard: DASH } })
      await flushPromises()
      await typeJson('{ "widgets": [,] }')
      expect(document.body.querySelector('[data-test=json-errors]')?.textContent).toContain('Malformed JSON')
      await typeJson(JSON.stringify({ ...DASH, widgets: [{ ...DASH.widgets[0], config: { mode: 'sideways' } }] }))
      expect(document.body.querySelector('[data-test=json-errors]')?.textContent).toContain('/widgets/0/config/mode')
      expect(document.body.querySelector<HTMLButtonElement>('[data-test=json-apply]')?.disabled).toBe(true)
      document.body.querySelector<HTMLButtonElement>('[data-test=json-apply]')?.click()
      expect(wrapper.emitted('apply')).toBeUndefined()
      wrapper.unmount()
    })

    it('should apply valid JSON, keeping the dashboard id and app', async () => {
      const { wrapper } = mountWithApp(DashboardJsonEditor, { props: { dashboard: DASH } })
      await flushPromises()
      await typeJson(JSON.stringify({ ...DASH, id: 'other', name: '新名字' }))
      expect(document.body.querySelector('[data-test=json-valid]')).not.toBeNull()
      document.body.querySelector<HTMLButtonElement>('[data-test=json-apply]')!.click()
      const applied = wrapper.emitted('apply')?.[0]?.[0] as DashboardDef
      expect(applied).toMatchObject({ id: 'd1', appId: 'a1', name: '新名字' })
      wrapper.unmount()
    })
  })
})

import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { DashboardDef } from '@/core/schema/types'
import DashboardJsonEditor from '@/components/dashboard/DashboardJsonEditor.vue'
import WidgetKpi from '@/widgets/kpi/WidgetKpi.vue'
import WidgetNeedsConfig from '@/widgets/WidgetNeedsConfig.vue'
import WidgetTable from '@/widgets/table/WidgetTable.vue'
import WidgetBreakdown from '@/widgets/breakdown/WidgetBreakdown.vue'
import type { BreakdownData, BreakdownRowData } from '@/core/dashboard'
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

    it('should name the widget and the deleted field it pointed at', () => {
      const problems = [{ key: 'groupField', reason: 'deletedField' as const, id: 'f9', detail: { 'zh-CN': '行业', 'en': 'Industry' } }]
      const zh = mountWithApp(WidgetNeedsConfig, { props: { problems, name: '按行业对比' } })
      expect(zh.wrapper.text()).toContain('「按行业对比」还需要设置')
      expect(zh.wrapper.text()).toContain('分组字段指向的字段「行业」已被删除')
      zh.wrapper.unmount()
      const en = mountWithApp(WidgetNeedsConfig, { locale: 'en', props: { problems, name: 'By industry' } })
      expect(en.wrapper.text()).toContain('"By industry" needs configuring')
      expect(en.wrapper.text()).toContain('the field "Industry" chosen as group field was deleted')
      en.wrapper.unmount()
    })
  })

  describe('WidgetBreakdown', () => {
    const p = (x: number, n: number) => ({ x, n, rate: n > 0 ? x / n : null, interval: null })
    const r = (key: string, name: string, conv: [number, number], mark: BreakdownRowData['mark']): BreakdownRowData =>
      ({ key, label: name, records: conv[1], conversion: p(...conv), winRate: p(1, 4), days: { count: 3, median: 2.5 }, mark })
    const data: BreakdownData = {
      type: 'breakdown', groupLabel: { 'zh-CN': '负责人', 'en': 'Owner' }, fromLabel: '需求分析', toLabel: '方案报价', daysKind: 'stage', rankBy: 'conversion', basis: 'cohort',
      subtitle: { 'zh-CN': '', 'en': '' }, hiddenRows: 0,
      rows: [r('m1', '张三', [30, 40], 'best'), r('m2', '李四', [10, 40], 'worst'), r('m3', '王五', [20, 40], null)],
      total: r('*', '全部', [60, 120], null),
    }

    it('should mark the best and worst rows in words, with each row\'s sample', () => {
      const { wrapper } = mountWithApp(WidgetBreakdown, { props: { data } })
      const rows = wrapper.findAll('[data-test=breakdown-row]')
      expect(rows.map(x => x.find('th').text())).toEqual(['张三▲ 最好', '李四▼ 最差', '王五'])
      expect(rows[0]!.text()).toContain('75.0%')
      expect(rows[0]!.text()).toContain('30 / 40')
      expect(wrapper.find('thead').text()).toContain('需求分析 → 方案报价')
      expect(wrapper.find('thead').text()).toContain('需求分析 停留（中位）')
      expect(wrapper.find('[data-test=breakdown-total]').text()).toContain('60 / 120')
      expect(wrapper.text()).toContain('最好 / 最差按转化率')
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

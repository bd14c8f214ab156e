import { describe, expect, it } from 'vitest'
import type { ChartData, ConversionData, FunnelData, KpiData, ReverseFunnelData, TargetProgressData, WaterfallData } from '../../../src/core/dashboard'
import { buildWaterfallOption, waterfallBarLabel } from '../../../src/widgets/waterfall/waterfall-options'
import { WIDGET_TYPES } from '../../../src/core/validation'
import { buildBarOption } from '../../../src/widgets/bar/bar-options'
import { buildColumnOption } from '../../../src/widgets/column/column-options'
import { buildConversionOption } from '../../../src/widgets/conversion/conversion-options'
import { buildDonutOption } from '../../../src/widgets/donut/donut-options'
import { buildFunnelOption, funnelLayerLabel } from '../../../src/widgets/funnel/funnel-options'
import { buildKpiOption, kpiChangeText } from '../../../src/widgets/kpi/kpi-options'
import { buildPieOption } from '../../../src/widgets/pie/pie-options'
import { buildReverseFunnelOption } from '../../../src/widgets/reverseFunnel/reverse-funnel-options'
import { amountInputFormat, formatValue, pct } from '../../../src/widgets/shared/format'
import { buildTargetProgressOption } from '../../../src/widgets/targetProgress/target-progress-options'
import { buildWidgetOption } from '../../../src/widgets/widget-options'
import { dataOf } from '../../fixtures/widgets'
import { computeWidget } from '../../../src/core/dashboard'
import type { WidgetDef } from '../../../src/core/schema/types'
import { widgetDataRows } from '../../../src/widgets/shared/data-rows'
import { dashCtx, widget } from '../../fixtures/dashboard'

function computeOk(w: WidgetDef) {
  const r = computeWidget(w, dashCtx())
  if (r.status !== 'ok') throw new Error('needs config')
  return r.data
}

type Series = { type: string, data: { name?: string, value: unknown, label?: { formatter?: unknown }, itemStyle?: { borderColor?: string, color?: string } }[] }
const seriesOf = (o: unknown) => (o as { series: Series[] }).series

describe('widgets/options', () => {
  describe('buildFunnelOption', () => {
    const data = dataOf('funnel') as FunnelData

    it('should draw one layer per stage in order with value, % of first and % to next', () => {
      const s = seriesOf(buildFunnelOption(data, 'en'))[0]!
      expect(s.type).toBe('funnel')
      expect(s.data.map(d => d.value)).toEqual([8, 5, 4, 3])
      expect(funnelLayerLabel(data, 1, 'en')).toBe('Stage s2  5\nof first 62.5% · to next 80.0%')
      expect(funnelLayerLabel(data, 3, 'zh-CN')).toBe('阶段won  3\n占首层 37.5%')
    })

    it('should outline the bottleneck layer in red, tag it and name it in words', () => {
      const o = buildFunnelOption(data, 'zh-CN')
      const s = seriesOf(o)[0]!
      expect(s.data[0]?.itemStyle?.borderColor).toBe('#f56c6c')
      expect(s.data[1]?.itemStyle?.borderColor).toBeUndefined()
      expect(String(s.data[0]?.label?.formatter)).toContain('⚠ 瓶颈')
      expect(JSON.stringify((o as { graphic: unknown }).graphic)).toContain('瓶颈在「阶段s1」')
    })
  })

  describe('buildFunnelOption snapshot and empty layers', () => {
    it('should draw a snapshot as bars in stage order labelled with shares no greater than 100 %', () => {
      const data = dataOf('funnel') as FunnelData
      const snap: FunnelData = { ...data, mode: 'snapshot', bottleneck: null, layers: data.layers.map((l, i) => ({ ...l, value: [1, 1, 0, 3][i]!, pctOfFirst: null, pctToNext: null, share: [0.2, 0.2, 0, 0.6][i]! })) }
      const s = seriesOf(buildFunnelOption(snap, 'en'))[0]!
      expect(s.type).toBe('bar')
      expect(s.data.map(d => d.value)).toEqual([1, 1, 0, 3])
      expect(funnelLayerLabel(snap, 3, 'en')).toBe('Stage won  3\nof all 60.0%')
      expect(funnelLayerLabel(snap, 0, 'zh-CN')).toBe('阶段s1  1\n占全部 20.0%')
    })

    it('should draw an empty layer as a dashed outline, not a filled box', () => {
      const data = dataOf('funnel') as FunnelData
      const withEmpty: FunnelData = { ...data, layers: data.layers.map((l, i) => (i === 2 ? { ...l, value: 0, count: 0 } : l)) }
      const s = seriesOf(buildFunnelOption(withEmpty, 'en'))[0]!
      expect(s.data[2]?.itemStyle).toMatchObject({ color: 'rgba(0,0,0,0)', borderType: 'dashed' })
      expect(s.data[1]?.itemStyle?.color).toBeUndefined()
    })
  })

  describe('buildConversionOption', () => {
    it('should give one bar per step with its rate, the bottleneck bar in red', () => {
      const data = dataOf('conversion') as ConversionData
      const o = buildConversionOption(data, 'en') as { yAxis: { data: string[] } }
      expect(o.yAxis.data[0]).toBe('Stage s1 → Stage s2')
      const s = seriesOf(o)[0]!
      expect(s.data.map(d => d.value)).toEqual([5 / 8, 4 / 5, 3 / 4])
      expect(s.data.map(d => d.label?.formatter)).toEqual(['62.5%', '80.0%', '75.0%'])
      expect(s.data[0]?.itemStyle?.color).toBe('#f56c6c')
    })
  })

  describe('cartesian and round charts', () => {
    it('should put categories on y for bar and on x for column, one series per owner, stacked', () => {
      const bar = buildBarOption(dataOf('bar') as ChartData, 'en') as { yAxis: { data: string[] }, series: Series[] }
      expect(bar.yAxis.data).toEqual(['Website', 'Fair'])
      expect(bar.series[0]?.data).toEqual([5, 4])
      const col = buildColumnOption(dataOf('column') as ChartData, 'zh-CN') as { xAxis: { data: string[] }, series: (Series & { stack?: string })[], legend?: unknown }
      expect(col.xAxis.data).toEqual(['官网', '展会'])
      expect(col.series).toHaveLength(2)
      expect(col.series.every(s => s.stack === 'total')).toBe(true)
      expect(col.legend).toBeDefined()
    })

    it('should write money with the field\'s currency on the value axis, the tooltip and the bar labels', () => {
      const data = { ...(dataOf('column') as ChartData), series: [{ key: null, label: '', values: [12_500, 1_500_000] }], format: 'money' as const, currency: 'CNY' }
      const o = buildColumnOption(data, 'zh-CN') as { yAxis: { axisLabel: { formatter: (v: number) => string } }, tooltip: { valueFormatter: (v: unknown) => string }, series: { label: { formatter: (p: { value: unknown }) => string } }[] }
      expect(o.yAxis.axisLabel.formatter(1_500_000)).toBe('¥150万')
      expect(o.yAxis.axisLabel.formatter(-500)).toBe('-¥500')
      expect(o.tooltip.valueFormatter(12_500)).toBe('¥12,500')
      // on the bar short (the tooltip has it whole), small amounts whole
      expect(o.series[0]?.label.formatter({ value: 1_500_000 })).toBe('¥150万')
      expect(o.series[0]?.label.formatter({ value: 2_500 })).toBe('¥2,500')
      const en = buildBarOption({ ...data, currency: 'USD' }, 'en') as { xAxis: { axisLabel: { formatter: (v: number) => string } } }
      expect(en.xAxis.axisLabel.formatter(1_500_000)).toBe('$1.5M')
      const funnel = { ...(dataOf('funnel') as FunnelData), value: 'amount' as const, currency: 'CNY' }
      const f = buildFunnelOption(funnel, 'zh-CN') as { tooltip: { valueFormatter: (v: unknown) => string } }
      expect(f.tooltip.valueFormatter(80_501)).toBe('¥80,501')
      expect(funnelLayerLabel(funnel, 0, 'zh-CN')).toMatch(/¥[\d,]+/)
      expect(JSON.stringify(buildKpiOption({ ...(dataOf('kpi') as KpiData), value: 80_501, format: 'money', currency: 'CNY' }, '销售速度', 'zh-CN'))).toContain('¥80,501')
    })

    it('should give pie slices with names and a hole for donut', () => {
      const pie = seriesOf(buildPieOption(dataOf('pie') as ChartData, 'zh-CN'))[0]! as Series & { radius: unknown }
      expect(pie.data).toEqual([{ name: '价格', value: 2 }, { name: '时机', value: 1 }])
      expect(pie.radius).toBe('68%')
      expect((seriesOf(buildDonutOption(dataOf('donut') as ChartData, 'en'))[0] as unknown as { radius: unknown }).radius).toEqual(['42%', '68%'])
    })
  })

  describe('planning, target and KPI pictures', () => {
    it('should label reverse funnel layers with needed and current records', () => {
      const data = dataOf('reverseFunnel') as ReverseFunnelData
      const s = seriesOf(buildReverseFunnelOption(data, 'en'))[0]!
      expect(s.data.map(d => d.value)).toEqual(data.steps.map(x => x.needed ?? 0))
      expect(String(s.data[3]?.label?.formatter)).toBe('Stage won: need 5 · now 3')
    })

    it('should overlay actual on target bars with % of target', () => {
      const data = dataOf('targetProgress') as TargetProgressData
      const s = seriesOf(buildTargetProgressOption(data, 'en'))
      expect(s[0]?.data).toEqual(data.items.map(i => i.target))
      expect(s[1]?.data.map(d => d.label?.formatter)).toEqual(data.items.map(i => (i.target === 0 ? '—' : `${(i.actual / i.target * 100).toFixed(1)}%`)))
    })

    it('should write the KPI figure, its change and its share of target', () => {
      const data = dataOf('kpi', { date: { preset: 'custom', from: '2024-06-01', to: '2024-06-30' } }) as KpiData
      expect(kpiChangeText({ ...data, value: 0.5, previous: 0.4, change: 0.25, format: 'percent' }, 'en')).toBe('▲ 25.0% · Previous 40.0%')
      const text = JSON.stringify(buildKpiOption({ ...data, value: 0.5, target: 0.6, progress: 0.5 / 0.6 }, 'Win rate', 'en'))
      expect(text).toContain('50.0%')
      expect(text).toContain('83.3% of target')
    })
  })

  describe('formatValue', () => {
    it('should show no data as a dash and format money, percent and days', () => {
      expect(formatValue(null, 'percent', 'en')).toBe('—')
      expect(formatValue(1234567.8, 'money', 'en')).toBe('1,234,568')
      expect(formatValue(0.625, 'percent', 'zh-CN')).toBe('62.5%')
      expect(formatValue(9, 'days', 'zh-CN')).toBe('9.0 天')
    })

    it('should group the thousands of a percentage like every other figure, and never read "-0.0%"', () => {
      expect(formatValue(12.345, 'percent', 'en')).toBe('1,234.5%')
      expect(formatValue(123.4561, 'percent', 'zh-CN')).toBe('12,345.6%')
      expect(pct(25)).toBe('2,500.0%')
      expect(formatValue(-0.0000001, 'percent', 'en')).toBe('0.0%')
      expect(formatValue(-0.25, 'percent', 'en')).toBe('-25.0%')
    })

    it('should show a typed amount with its currency and thousands separators, and read it back as digits', () => {
      const zh = amountInputFormat('zh-CN', 'CNY')
      expect(zh.formatter('1500000')).toBe('¥1,500,000')
      expect(zh.formatter('1234.5')).toBe('¥1,234.5')
      expect(zh.formatter('')).toBe('')
      expect(zh.parser('¥1,500,000')).toBe('1500000')
      expect(zh.parser(zh.formatter('98765'))).toBe('98765')
      expect(amountInputFormat('en', 'USD').formatter('2500000')).toBe('$2,500,000')
      expect(amountInputFormat('en', undefined).formatter('2500000')).toBe('2,500,000')
    })

    it('should give short durations in hours or minutes, not "0.0 days"', () => {
      expect(formatValue(0.0147, 'days', 'en')).toBe('21 minutes')
      expect(formatValue(0.5, 'days', 'zh-CN')).toBe('12.0 小时')
    })
  })

  describe('buildWaterfallOption', () => {
    it('should float each change from the running total and label it with its sign', () => {
      const data: WaterfallData = {
        type: 'waterfall', value: 'count', from: '2025-01-01', to: '2025-01-31', subtitle: { 'zh-CN': '', 'en': '' },
        bars: [['start', 2], ['created', 2], ['pulledIn', 1], ['pushedOut', 0], ['won', -1], ['lost', -1], ['end', 3]].map(([key, value]) => ({ key: key as WaterfallData['bars'][number]['key'], label: String(key), count: Math.abs(value as number), amount: 0, value: value as number })),
      }
      const [base, size] = seriesOf(buildWaterfallOption(data, 'en'))
      expect(base!.data).toEqual([0, 2, 4, 5, 4, 3, 0])
      expect(size!.data.map(d => d.value)).toEqual([2, 2, 1, 0, 1, 1, 3])
      expect(data.bars.map((_, i) => waterfallBarLabel(data, i, 'en'))).toEqual(['2', '+2', '+1', '+0', '−1', '−1', '3'])
      expect(size!.data[4]?.itemStyle?.color).toBe('#f56c6c')
    })

    it('should write large amounts short on the bars (they would overlap) and whole in the tooltip', () => {
      const data: WaterfallData = {
        type: 'waterfall', value: 'amount', from: '2025-01-01', to: '2025-01-31', subtitle: { 'zh-CN': '', 'en': '' },
        bars: [['start', 20_643_000], ['amountChange', 20_012_345], ['won', -1_617_000], ['lost', -950], ['end', 39_037_395]].map(([key, value]) => ({ key: key as WaterfallData['bars'][number]['key'], label: String(key), count: 1, amount: value as number, value: value as number })),
      }
      expect(data.bars.map((_, i) => waterfallBarLabel(data, i, 'zh-CN', true))).toEqual(['2064.3万', '+2001.2万', '−161.7万', '−950', '3903.7万'])
      expect(data.bars.map((_, i) => waterfallBarLabel(data, i, 'en', true))).toEqual(['20.6M', '+20M', '−1.6M', '−950', '39M'])
      expect(waterfallBarLabel(data, 1, 'en')).toBe('+20,012,345')
      // an amount field's currency: its symbol on the bars and in the tooltip
      const yuan = { ...data, currency: 'CNY' }
      expect([waterfallBarLabel(yuan, 1, 'zh-CN', true), waterfallBarLabel(yuan, 2, 'zh-CN', true), waterfallBarLabel(yuan, 1, 'zh-CN')]).toEqual(['+¥2001.2万', '−¥161.7万', '+¥20,012,345'])
      expect(widgetDataRows(yuan, 'en').map(r => r.text)).toEqual(['¥20,643,000', '¥20,012,345', '-¥1,617,000', '-¥950', '¥39,037,395'])
      const label = seriesOf(buildWaterfallOption(data, 'en'))[1] as unknown as { label: { formatter: (p: { dataIndex: number }) => string } }
      expect(label.label.formatter({ dataIndex: 2 })).toBe('−1.6M')
    })
  })

  describe('time in stage pictures', () => {
    const tis = (): ChartData => computeOk(widget('bar', { formId: 'opps', stageMetric: { kind: 'timeInStage', stageField: 'stage' } })) as ChartData

    it('should end the value axis at the cap and label a cut open bar with its real days', () => {
      const data = tis()
      const o = buildBarOption(data, 'en') as { xAxis: { max?: number, axisLabel: { formatter: (v: number) => string } } }
      expect(o.xAxis.max).toBe(data.valueCap)
      // the axis ends on the cap: its tick reads as a figure, not 22.99755342013889
      expect(o.xAxis.axisLabel.formatter(22.99755342013889)).toBe('23')
      expect(o.xAxis.axisLabel.formatter(1234.56)).toBe('1,234.6')
      const open = seriesOf(o)[1]!
      const cut = open.data[0] as unknown as { value: number, label: { formatter: string } }
      expect(cut.value).toBe(data.series[1]?.values[0])
      expect(cut.label.formatter).toMatch(/^19,?\d{3}\.\d days ›$/)
      expect(seriesOf(o)[0]!.data[1]).toBe(data.series[0]?.values[1])
    })

    it('should give screen readers formatted figures, never raw floats', () => {
      const rows = widgetDataRows(tis(), 'en')
      expect(rows[0]?.label).toBe('Stage s1\n(6 visits)')
      expect(rows[0]?.text).toMatch(/^1\.5 days \/ 19,?\d{3}\.\d days$/)
      expect(rows[0]?.value.split(' / ').map(Number)[0]).toBe(1.5)
      const funnel = widgetDataRows(dataOf('funnel'), 'zh-CN')
      expect(funnel.map(r => r.text)).toEqual(['8 · 占首层 100.0% · 转入下一层 62.5%', '5 · 占首层 62.5% · 转入下一层 80.0%', '4 · 占首层 50.0% · 转入下一层 75.0%', '3 · 占首层 37.5%'])
    })
  })

  describe('buildWidgetOption', () => {
    it.each([...WIDGET_TYPES])('should build an option for %s without a DOM', (type) => {
      expect(typeof document).toBe('undefined')
      const o = buildWidgetOption(dataOf(type), 'zh-CN', 'T') as { series?: unknown[], graphic?: unknown[] }
      expect((o.series?.length ?? 0) + (o.graphic?.length ?? 0)).toBeGreaterThan(0)
    })
  })
})

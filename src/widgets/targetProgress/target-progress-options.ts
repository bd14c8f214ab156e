import type { EChartsOption } from 'echarts'
import type { TargetProgressData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { axisTick, formatValue, pct, text } from '../shared/format'
import { baseOption, PALETTE, TEXT } from '../shared/theme'
import { word } from '../shared/words'

/** Target vs actual bars per owner or month, the actual bar labelled with % of target. */
export function buildTargetProgressOption(data: TargetProgressData, locale: Locale): EChartsOption {
  const names = data.items.map(i => text(i.label, locale))
  const value = (v: unknown) => formatValue(typeof v === 'number' ? v : null, data.format, locale, data.currency)
  return {
    ...baseOption(),
    tooltip: { trigger: 'axis', valueFormatter: value },
    legend: { top: 0, data: [word('target', locale), word('actual', locale)] },
    grid: { left: 8, right: 56, top: 30, bottom: 24, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => axisTick(v, data.format, locale, data.currency) } },
    yAxis: { type: 'category', inverse: true, data: names },
    series: [
      { type: 'bar', name: word('target', locale), data: data.items.map(i => i.target), itemStyle: { color: '#dcdfe6' }, barGap: '-100%', barMaxWidth: 22 },
      {
        type: 'bar',
        name: word('actual', locale),
        data: data.items.map(i => ({ value: i.actual, label: { show: true, position: 'right' as const, formatter: pct(i.progress), color: TEXT.muted } })),
        itemStyle: { color: PALETTE[0] },
        barMaxWidth: 12,
      },
    ],
    graphic: [{
      type: 'text',
      left: 'center',
      bottom: 2,
      style: { text: `${word('total', locale)}: ${value(data.total.actual)} / ${value(data.total.target)} (${pct(data.total.progress)})`, fill: TEXT.muted, fontSize: 12 },
    }],
  }
}

import type { EChartsOption } from 'echarts'
import type { ChartData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { formatValue, text } from './format'
import { baseOption } from './theme'

/** Pie or donut of the first series: one slice per category, labelled with name and share. */
export function buildRoundOption(data: ChartData, donut: boolean, locale: Locale): EChartsOption {
  const values = data.series[0]?.values ?? []
  return {
    ...baseOption(),
    tooltip: { trigger: 'item', valueFormatter: v => formatValue(typeof v === 'number' ? v : null, data.format, locale, data.currency) },
    legend: { type: 'scroll', bottom: 0 },
    series: [{
      type: 'pie',
      radius: donut ? ['42%', '68%'] : '68%',
      center: ['50%', '46%'],
      avoidLabelOverlap: true,
      label: { formatter: '{b}: {d}%' },
      data: data.categories.map((c, i) => ({ name: text(c.label, locale), value: values[i] ?? 0 })),
    }],
  }
}

import type { EChartsOption } from 'echarts'
import type { ReverseFunnelData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { formatValue, text } from '../shared/format'
import { baseOption, TEXT } from '../shared/theme'
import { word } from '../shared/words'

/** Label of one planning layer: "stage: need N · now M". */
export function reverseLayerLabel(data: ReverseFunnelData, i: number, locale: Locale): string {
  const s = data.steps[i]!
  return `${text(s.label, locale)}: ${word('needed', locale)} ${formatValue(s.needed, 'number', locale)} · ${word('now', locale)} ${formatValue(s.current, 'number', locale)}`
}

/** Planning funnel: records needed per stage for the revenue goal, current counts beside them. */
export function buildReverseFunnelOption(data: ReverseFunnelData, locale: Locale): EChartsOption {
  const max = Math.max(1, ...data.steps.map(s => s.needed ?? 0))
  return {
    ...baseOption(),
    tooltip: { trigger: 'item' },
    series: [{
      type: 'funnel',
      sort: 'none',
      left: '3%',
      width: '48%',
      top: 8,
      bottom: 36,
      min: 0,
      max,
      minSize: '18%',
      gap: 3,
      label: { show: true, position: 'right', color: TEXT.main, fontSize: 12 },
      labelLine: { show: true, length: 8, lineStyle: { color: '#c0c4cc' } },
      data: data.steps.map((s, i) => ({ name: text(s.label, locale), value: s.needed ?? 0, label: { formatter: reverseLayerLabel(data, i, locale) } })),
    }],
    graphic: [{
      type: 'text',
      left: 'center',
      bottom: 8,
      style: {
        text: `${word('goal', locale)} ${formatValue(data.goal, 'money', locale, data.currency)} · ${word('avgWon', locale)} ${formatValue(data.averageWonAmount, 'money', locale, data.currency)}`,
        fill: TEXT.muted,
        fontSize: 12,
      },
    }],
  }
}

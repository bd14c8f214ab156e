import type { EChartsOption } from 'echarts'
import type { FunnelData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { formatValue, pct, text } from '../shared/format'
import { baseOption, DANGER, TEXT } from '../shared/theme'
import { word } from '../shared/words'

/** Label lines of one funnel layer: name and value, then % of first and % to next. */
export function funnelLayerLabel(data: FunnelData, i: number, locale: Locale): string {
  const l = data.layers[i]!
  const value = formatValue(l.value, data.value === 'amount' ? 'money' : 'number', locale)
  const isBottleneck = data.bottleneck?.stageId === l.stageId
  const head = `${text(l.label, locale)}  ${value}${isBottleneck ? `  ⚠ ${word('bottleneck', locale)}` : ''}`
  const next = l.pctToNext === null ? '' : ` · ${word('toNext', locale)} ${pct(l.pctToNext)}`
  return `${head}\n${word('ofFirst', locale)} ${pct(l.pctOfFirst)}${next}`
}

/**
 * ECharts funnel: one layer per stage in stage order, each labelled with its value, % of the
 * first layer and % to the next; the bottleneck layer outlined in red and named in words below.
 */
export function buildFunnelOption(data: FunnelData, locale: Locale): EChartsOption {
  const max = Math.max(1, ...data.layers.map(l => l.value))
  return {
    ...baseOption(),
    tooltip: { trigger: 'item' },
    series: [{
      type: 'funnel',
      sort: 'none',
      left: '3%',
      width: '48%',
      top: 8,
      bottom: data.bottleneck ? 40 : 8,
      min: 0,
      max,
      minSize: '18%',
      gap: 3,
      label: { show: true, position: 'right', color: TEXT.main, fontSize: 12, lineHeight: 16 },
      labelLine: { show: true, length: 8, lineStyle: { color: '#c0c4cc' } },
      data: data.layers.map((l, i) => ({
        name: text(l.label, locale),
        value: l.value,
        label: { formatter: funnelLayerLabel(data, i, locale) },
        itemStyle: data.bottleneck?.stageId === l.stageId ? { borderColor: DANGER, borderWidth: 3 } : { borderWidth: 0 },
      })),
    }],
    graphic: data.bottleneck
      ? [{ type: 'text', left: 'center', bottom: 8, style: { text: data.bottleneck.sentence[locale], fill: DANGER, fontSize: 12 } }]
      : [],
  }
}

import type { EChartsOption } from 'echarts'
import type { ConversionData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { pct, text } from '../shared/format'
import { baseOption, DANGER, PALETTE } from '../shared/theme'
import { word } from '../shared/words'

/** "S1 → S2" for a conversion step. */
export function stepName(data: ConversionData, i: number, locale: Locale): string {
  const s = data.steps[i]!
  return `${text(s.fromLabel, locale)} → ${text(s.toLabel, locale)}`
}

/** Bars of stage-to-stage conversion (%), the bottleneck's bar in red and named in words. */
export function buildConversionOption(data: ConversionData, locale: Locale): EChartsOption {
  return {
    ...baseOption(),
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 48, top: 8, bottom: data.bottleneck ? 36 : 8, containLabel: true },
    xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', inverse: true, data: data.steps.map((_, i) => stepName(data, i, locale)) },
    series: [{
      type: 'bar',
      name: word('conversion', locale),
      data: data.steps.map(s => ({
        value: s.rate ?? 0,
        itemStyle: { color: data.bottleneck?.stageId === s.from ? DANGER : PALETTE[0] },
        label: { show: true, position: 'right', formatter: pct(s.rate) },
      })),
    }],
    graphic: data.bottleneck ? [{ type: 'text', left: 'center', bottom: 6, style: { text: data.bottleneck.sentence[locale], fill: DANGER, fontSize: 12 } }] : [],
  }
}

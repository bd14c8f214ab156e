import type { EChartsOption } from 'echarts'
import type { ChartData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { axisTick, formatValue, shortValue, text } from './format'
import { baseOption } from './theme'

/** How a cartesian chart draws: bars along y (bar) or x (column), or a line (optionally filled). */
export interface CartesianStyle {
  kind: 'bar' | 'column' | 'line' | 'area'
  stack?: boolean
}

/**
 * Bar / column / line / area option: categories on one axis, one series per data series
 * (a legend when there are several), values labelled when there are few bars.
 */
export function buildCartesianOption(data: ChartData, style: CartesianStyle, locale: Locale): EChartsOption {
  const categories = data.categories.map(c => text(c.label, locale))
  // axis ticks; days to one decimal at most (a capped axis ends on 1.5x a median: never "22.99755342013889")
  const fmt = (v: number) => axisTick(v, data.format, locale, data.currency)
  const value = (v: unknown) => formatValue(typeof v === 'number' ? v : null, data.format, locale, data.currency)
  const cap = data.valueCap
  const valueAxis = { type: 'value' as const, axisLabel: { formatter: fmt }, ...(cap === undefined ? {} : { max: cap }) }
  const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { interval: 0, hideOverlap: true, width: 90, overflow: 'truncate' as const } }
  const horizontal = style.kind === 'bar'
  const multi = data.series.length > 1
  // figures on the bars while they can be read; a line's points carry them only when few (its tooltip has them all)
  const fewBars = data.categories.length * data.series.length <= (style.kind === 'bar' || style.kind === 'column' ? 16 : 8)
  return {
    ...baseOption(),
    tooltip: { trigger: 'axis', valueFormatter: value },
    legend: multi ? { type: 'scroll', top: 0, data: data.series.map(s => text(s.label, locale)) } : undefined,
    grid: { left: 8, right: 24, top: multi ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: data.series.map(s => ({
      type: style.kind === 'bar' || style.kind === 'column' ? 'bar' as const : 'line' as const,
      name: text(s.label, locale) || undefined,
      // a value past the cap is drawn cut at the axis end (bars clip) and labelled inside with its real value
      data: s.values.map(v => (cap !== undefined && v !== null && v > cap
        ? { value: v, itemStyle: { opacity: 0.55 }, label: { show: true, position: horizontal ? 'insideRight' as const : 'insideTop' as const, formatter: `${value(v)} ›`, fontSize: 11 } }
        : v ?? null)),
      stack: style.stack ? 'total' : undefined,
      areaStyle: style.kind === 'area' ? { opacity: 0.25 } : undefined,
      smooth: style.kind === 'line' || style.kind === 'area' ? 0.2 : undefined,
      barMaxWidth: 36,
      label: { show: fewBars && !style.stack, position: horizontal ? 'right' as const : 'top' as const, formatter: (p: { value: unknown }) => shortValue(typeof p.value === 'number' ? p.value : null, data.format, locale, data.currency), fontSize: 11 },
      // a narrow chart has no room for every figure: one that would overlap another is left out (the tooltip has it)
      labelLayout: { hideOverlap: true },
    })),
  }
}

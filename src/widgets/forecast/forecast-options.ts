import type { EChartsOption } from 'echarts'
import type { ForecastData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { compact, formatValue, text } from '../shared/format'
import { baseOption, TEXT } from '../shared/theme'

/** Category colours, bottom first: closed green, commit orange, best case yellow, pipeline blue (as the template's options). */
export const FORECAST_COLORS: Record<ForecastData['stack'][number]['key'], string> = {
  closed: '#3ba272', commit: '#fc8452', bestCase: '#fac858', pipeline: '#73c0de',
}

const TARGET_LABEL = { 'zh-CN': '目标', 'en': 'Target' } as const

/** An amount as the card shows it: the currency symbol and thousands separators. */
export function forecastMoney(data: ForecastData, v: number | null, locale: Locale): string {
  return formatValue(v, 'money', locale, data.currency)
}

/** The forecast chart: one stacked column per month (Closed / Commit / Best case / Pipeline) and the target line. */
export function buildForecastOption(data: ForecastData, locale: Locale): EChartsOption {
  const months = data.months.map(m => text(m.label, locale))
  const bars = data.stack.map(c => ({
    type: 'bar' as const,
    name: text(c.label, locale),
    stack: 'forecast',
    barMaxWidth: 36,
    itemStyle: { color: FORECAST_COLORS[c.key] },
    data: data.months.map(m => m.amounts[c.key]),
  }))
  const target = data.hasTargets
    ? [{ type: 'line' as const, name: TARGET_LABEL[locale], data: data.months.map(m => m.target), connectNulls: true, symbol: 'circle', symbolSize: 6, itemStyle: { color: TEXT.main }, lineStyle: { type: 'dashed' as const, width: 2, color: TEXT.main } }]
    : []
  return {
    ...baseOption(),
    legend: { top: 0, textStyle: { fontSize: 11 } },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: unknown) => {
        const i = (ps as { dataIndex: number }[])[0]?.dataIndex ?? -1
        const m = data.months[i]
        if (!m) return ''
        const lines = data.stack.map(c => `${text(c.label, locale)}: ${forecastMoney(data, m.amounts[c.key], locale)} (${m.counts[c.key]})`)
        if (m.target !== null) lines.push(`${TARGET_LABEL[locale]}: ${forecastMoney(data, m.target, locale)}`)
        return [text(m.label, locale), ...lines].join('<br>')
      },
    },
    grid: { left: 8, right: 12, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v, locale) } },
    series: [...bars, ...target],
  }
}

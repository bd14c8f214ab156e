import type { EChartsOption } from 'echarts'
import type { WaterfallData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { currencySymbol } from '@/core/fields/shared/number-format'
import { compact, formatValue, text } from '../shared/format'
import { baseOption, DANGER, PALETTE, TEXT } from '../shared/theme'

/** Past this, a label on the bars is written short (2,001.2万 / 20M): eight full amounts do not fit side by side. */
const SHORT_FROM = 10_000

/**
 * A bar's label: the level for start and end, a signed change for the rest; `short` (the labels
 * drawn on the bars) writes large figures in compact form, the tooltip and reader keep them whole.
 */
export function waterfallBarLabel(data: WaterfallData, i: number, locale: Locale, short = false): string {
  const b = data.bars[i]!
  const abs = Math.abs(b.value)
  const symbol = data.value === 'amount' && data.currency !== undefined ? currencySymbol(data.currency) : ''
  const v = short && abs >= SHORT_FROM ? `${symbol}${compact(abs, locale)}` : formatValue(abs, data.value === 'amount' ? 'money' : 'number', locale, data.currency)
  if (b.key === 'start' || b.key === 'end') return v
  return b.value < 0 ? `−${v}` : `+${v}`
}

/**
 * Pipeline waterfall: start and end as full columns, each change floating from the running
 * total (an invisible base series under a visible one), ins in green, outs in red.
 */
export function buildWaterfallOption(data: WaterfallData, locale: Locale): EChartsOption {
  const base: number[] = []
  const size: { value: number, itemStyle: { color: string } }[] = []
  let running = 0
  for (const b of data.bars) {
    if (b.key === 'start' || b.key === 'end') {
      running = b.value
      base.push(0)
      size.push({ value: b.value, itemStyle: { color: PALETTE[0]! } })
      continue
    }
    const next = running + b.value
    base.push(Math.min(running, next))
    size.push({ value: Math.abs(b.value), itemStyle: { color: b.value < 0 ? DANGER : PALETTE[1]! } })
    running = next
  }
  return {
    ...baseOption(),
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const i = (p as { dataIndex: number }).dataIndex
      const b = data.bars[i]
      return b ? `${text(b.label, locale)}: ${waterfallBarLabel(data, i, locale)} (${formatValue(b.count, 'number', locale)})` : ''
    } },
    grid: { left: 8, right: 12, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.bars.map(b => text(b.label, locale)), axisLabel: { interval: 0, width: 64, overflow: 'break', fontSize: 11 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v, locale) } },
    series: [
      { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, data: base },
      {
        type: 'bar',
        stack: 'w',
        barMaxWidth: 40,
        data: size,
        label: { show: true, position: 'top', color: TEXT.main, fontSize: 11, formatter: (p: { dataIndex: number }) => waterfallBarLabel(data, p.dataIndex, locale, true) },
      },
    ],
  }
}

import type { EChartsOption } from 'echarts'
import type { KpiData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { formatValue, pct } from '../shared/format'
import type { TextLine } from '../shared/text-graphic'
import { textLinesOption } from '../shared/text-graphic'
import { DANGER, PALETTE, TEXT } from '../shared/theme'
import { word } from '../shared/words'

/** The comparison line of a KPI ("▲ 25.0% vs previous 4"), or '' when not asked. */
export function kpiChangeText(data: KpiData, locale: Locale): string {
  // null: no previous period to compare with (no date filter on): nothing to say
  if (data.previous === undefined || data.previous === null) return ''
  const arrow = data.change === null || data.change === undefined ? '' : data.change >= 0 ? '▲ ' : '▼ '
  return `${arrow}${data.change === null || data.change === undefined ? '—' : pct(Math.abs(data.change))} · ${word('previous', locale)} ${formatValue(data.previous, data.format, locale, data.currency)}`
}

/** A KPI card as a picture: the figure, its comparison and its share of target. */
export function buildKpiOption(data: KpiData, title: string, locale: Locale): EChartsOption {
  const lines: TextLine[] = [
    { text: title, size: 13, color: TEXT.muted },
    { text: formatValue(data.value, data.format, locale, data.currency), size: 30, bold: true, color: PALETTE[0] },
  ]
  const change = kpiChangeText(data, locale)
  if (change) lines.push({ text: change, size: 12, color: (data.change ?? 0) < 0 ? DANGER : '#36b37e' })
  if (data.target !== undefined) lines.push({ text: `${pct(data.progress)} ${word('ofTarget', locale)} ${formatValue(data.target, data.format, locale, data.currency)}`, size: 12, color: TEXT.muted })
  if (data.detail) lines.push({ text: data.detail[locale], size: 12, color: TEXT.faint })
  return textLinesOption(lines)
}

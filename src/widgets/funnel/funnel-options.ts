import type { EChartsOption } from 'echarts'
import type { FunnelData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { formatValue, pct, text } from '../shared/format'
import { baseOption, DANGER, PALETTE, TEXT } from '../shared/theme'
import { word } from '../shared/words'

/** An empty layer: outlined, not filled, so it does not read as a full box. */
const EMPTY_LAYER = { color: 'rgba(0,0,0,0)', borderColor: '#c0c4cc', borderWidth: 1, borderType: 'dashed' as const }

/**
 * Label lines of one funnel layer: name and value, then % of first and % to next (a snapshot:
 * its share of every deal shown, since its layers are not nested).
 */
export function funnelLayerLabel(data: FunnelData, i: number, locale: Locale): string {
  const l = data.layers[i]!
  const value = formatValue(l.value, data.value === 'amount' ? 'money' : 'number', locale, data.currency)
  const isBottleneck = data.bottleneck?.stageId === l.stageId
  const below = data.targets.some(t => t.flagged && t.stageId === l.stageId)
  const head = `${text(l.label, locale)}  ${value}${isBottleneck ? `  ⚠ ${word('bottleneck', locale)}` : ''}${below ? `  ⚑ ${word('belowTarget', locale)}` : ''}`
  return `${head}\n${funnelLayerShares(data, i, locale)}`
}

/** A layer's percentages in words: % of first and % to next, or a snapshot's share of all ("占全部 22.1%"). */
export function funnelLayerShares(data: FunnelData, i: number, locale: Locale): string {
  const l = data.layers[i]!
  if (data.mode === 'snapshot') return `${word('ofAll', locale)} ${pct(l.share)}`
  const next = l.pctToNext === null ? '' : ` · ${word('toNext', locale)} ${pct(l.pctToNext)}`
  return `${word('ofFirst', locale)} ${pct(l.pctOfFirst)}${next}`
}

/**
 * ECharts funnel: one layer per stage in stage order, each labelled with its value, % of the
 * first layer and % to the next; the bottleneck layer outlined in red and named in words below.
 * Empty layers are drawn as dashed outlines. A snapshot (where deals are now: counts per stage
 * that are not nested, so a later stage may hold more) is drawn as bars in stage order instead.
 */
export function buildFunnelOption(data: FunnelData, locale: Locale): EChartsOption {
  if (data.mode === 'snapshot') return buildSnapshotOption(data, locale)
  const max = Math.max(1, ...data.layers.map(l => l.value))
  return {
    ...baseOption(),
    tooltip: { trigger: 'item', valueFormatter: v => formatValue(typeof v === 'number' ? v : null, data.value === 'amount' ? 'money' : 'number', locale, data.currency) },
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
        itemStyle: l.value === 0 ? EMPTY_LAYER : data.bottleneck?.stageId === l.stageId ? { borderColor: DANGER, borderWidth: 3 } : { borderWidth: 0 },
      })),
    }],
    graphic: data.bottleneck
      ? [{ type: 'text', left: 'center', bottom: 8, style: { text: data.bottleneck.sentence[locale], fill: DANGER, fontSize: 12 } }]
      : [],
  }
}

/** A snapshot: one bar per stage (open stages, then won), top to bottom, labelled with value and share. */
function buildSnapshotOption(data: FunnelData, locale: Locale): EChartsOption {
  const fmt = data.value === 'amount' ? 'money' : 'number'
  return {
    ...baseOption(),
    tooltip: { trigger: 'axis', valueFormatter: v => formatValue(typeof v === 'number' ? v : null, fmt, locale, data.currency) },
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'category', inverse: true, data: data.layers.map(l => text(l.label, locale)), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      barMaxWidth: 28,
      data: data.layers.map(l => ({
        value: l.value,
        itemStyle: { color: l.kind === 'won' ? PALETTE[1] : PALETTE[0] },
        label: { show: true, position: 'right', color: TEXT.main, fontSize: 12, formatter: `${formatValue(l.value, fmt, locale, data.currency)} · ${pct(l.share)}` },
      })),
    }],
  }
}

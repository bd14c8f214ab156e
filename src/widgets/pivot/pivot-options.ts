import type { EChartsOption } from 'echarts'
import type { PivotData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { formatValue, text } from '../shared/format'
import { tableLine, textLinesOption } from '../shared/text-graphic'
import { word } from '../shared/words'

/** A pivot as a picture: column header, one line per row with its total, then the totals line. */
export function buildPivotOption(data: PivotData, locale: Locale): EChartsOption {
  const widths = [16, ...data.columns.map(() => 10), 10]
  const f = (v: number | null) => formatValue(v, data.format, locale)
  return textLinesOption([
    { text: tableLine([`${text(data.rowLabel, locale)} \\ ${text(data.columnLabel, locale)}`, ...data.columns.map(c => text(c.label, locale)), word('total', locale)], widths), bold: true },
    ...data.rows.slice(0, 14).map((r, i) => ({ text: tableLine([text(r.label, locale), ...(data.cells[i] ?? []).map(f), f(data.rowTotals[i] ?? null)], widths), size: 12 })),
    { text: tableLine([word('total', locale), ...data.columnTotals.map(f), f(data.total)], widths), bold: true, size: 12 },
  ])
}

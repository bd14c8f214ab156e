import type { EChartsOption } from 'echarts'
import type { TableData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { text } from '../shared/format'
import { tableLine, textLinesOption } from '../shared/text-graphic'
import { TEXT } from '../shared/theme'
import { word } from '../shared/words'

/** A table widget as a picture: header and up to 12 rows in aligned columns. */
export function buildTableOption(data: TableData, locale: Locale): EChartsOption {
  const widths = data.columns.map(() => 14)
  return textLinesOption([
    { text: tableLine(data.columns.map(c => text(c.label, locale)), widths), bold: true },
    ...data.rows.slice(0, 12).map(r => ({ text: tableLine(r.cells, widths), size: 12 })),
    { text: `${data.rows.length} / ${data.total} ${word('rows', locale)}`, size: 11, color: TEXT.faint },
  ])
}

import type { EChartsOption } from 'echarts'
import type { BreakdownData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { formatValue, text } from '../shared/format'
import { tableLine, textLinesOption } from '../shared/text-graphic'
import { TEXT } from '../shared/theme'
import { breakdownHeaders, breakdownWord, daysText, proportionText, rankNote } from './breakdown-text'

/** A breakdown as a picture: header, up to 14 rows (best / worst named in words), the total row and the ranking note. */
export function buildBreakdownOption(data: BreakdownData, locale: Locale): EChartsOption {
  const widths = [18, 8, 14, 10, 14, 8]
  const line = (r: BreakdownData['total']) => tableLine([
    text(r.label, locale),
    formatValue(r.records, 'number', locale),
    proportionText(r.conversion, locale).rate,
    proportionText(r.winRate, locale).rate,
    daysText(r, data, locale).median,
    r.mark ? breakdownWord(r.mark, locale) : '',
  ], widths)
  return textLinesOption([
    { text: tableLine(breakdownHeaders(data, locale), widths), bold: true },
    ...data.rows.slice(0, 14).map(r => ({ text: line(r), size: 12 })),
    { text: line(data.total), bold: true, size: 12 },
    { text: rankNote(data, locale), size: 11, color: TEXT.faint },
  ])
}

import type { EChartsOption } from 'echarts'
import type { TextData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { text } from '../shared/format'
import { textLinesOption } from '../shared/text-graphic'

/** A note as a picture: its lines of text. */
export function buildTextOption(data: TextData, locale: Locale): EChartsOption {
  return textLinesOption(text(data.text, locale).split('\n').map(line => ({ text: line })))
}

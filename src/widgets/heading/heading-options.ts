import type { EChartsOption } from 'echarts'
import type { TextData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { text } from '../shared/format'
import { textLinesOption } from '../shared/text-graphic'

/** A heading as a picture: one bold line. */
export function buildHeadingOption(data: TextData, locale: Locale): EChartsOption {
  return textLinesOption([{ text: text(data.text, locale), size: 20, bold: true }])
}

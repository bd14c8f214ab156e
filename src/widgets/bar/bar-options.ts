import type { EChartsOption } from 'echarts'
import type { ChartData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { buildCartesianOption } from '../shared/cartesian-options'

/** Bar chart option of a chart widget's data (stacked when the data says so). */
export function buildBarOption(data: ChartData, locale: Locale): EChartsOption {
  return buildCartesianOption(data, { kind: 'bar', stack: data.stack }, locale)
}

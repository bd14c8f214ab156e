import type { EChartsOption } from 'echarts'
import type { ChartData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { buildRoundOption } from '../shared/pie-options'

/** Donut chart option of a chart widget's data. */
export function buildDonutOption(data: ChartData, locale: Locale): EChartsOption {
  return buildRoundOption(data, true, locale)
}

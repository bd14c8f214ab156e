import type { EChartsOption } from 'echarts'
import type { WidgetData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { assertNever } from '@/core/utils/assert-never'
import { buildAreaOption } from './area/area-options'
import { buildBarOption } from './bar/bar-options'
import { buildBreakdownOption } from './breakdown/breakdown-options'
import { buildColumnOption } from './column/column-options'
import { buildConversionOption } from './conversion/conversion-options'
import { buildDonutOption } from './donut/donut-options'
import { buildFunnelOption } from './funnel/funnel-options'
import { buildHeadingOption } from './heading/heading-options'
import { buildKpiOption } from './kpi/kpi-options'
import { buildLineOption } from './line/line-options'
import { buildPieOption } from './pie/pie-options'
import { buildPivotOption } from './pivot/pivot-options'
import { buildReverseFunnelOption } from './reverseFunnel/reverse-funnel-options'
import { buildTableOption } from './table/table-options'
import { buildTargetProgressOption } from './targetProgress/target-progress-options'
import { buildTextOption } from './text/text-options'
import { buildWaterfallOption } from './waterfall/waterfall-options'
import { buildForecastOption } from './forecast/forecast-options'

/** The ECharts option drawing any widget's data (text widgets as text graphics). Pure. */
export function buildWidgetOption(data: WidgetData, locale: Locale, title = ''): EChartsOption {
  switch (data.type) {
    case 'funnel': return buildFunnelOption(data, locale)
    case 'conversion': return buildConversionOption(data, locale)
    case 'kpi': return buildKpiOption(data, title, locale)
    case 'bar': return buildBarOption(data, locale)
    case 'column': return buildColumnOption(data, locale)
    case 'line': return buildLineOption(data, locale)
    case 'area': return buildAreaOption(data, locale)
    case 'pie': return buildPieOption(data, locale)
    case 'donut': return buildDonutOption(data, locale)
    case 'table': return buildTableOption(data, locale)
    case 'pivot': return buildPivotOption(data, locale)
    case 'targetProgress': return buildTargetProgressOption(data, locale)
    case 'reverseFunnel': return buildReverseFunnelOption(data, locale)
    case 'waterfall': return buildWaterfallOption(data, locale)
    case 'breakdown': return buildBreakdownOption(data, locale)
    case 'forecast': return buildForecastOption(data, locale)
    case 'text': return buildTextOption(data, locale)
    case 'heading': return buildHeadingOption(data, locale)
    default: return assertNever(data, 'widget data')
  }
}

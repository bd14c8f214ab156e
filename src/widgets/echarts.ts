/**
 * The one ECharts entry of the app: only the charts and components the widgets use are
 * registered (ECharts handbook, "Shrinking Bundle Size"). Imported by dashboard code only, so
 * the home page never loads ECharts.
 */
import type { EChartsOption } from 'echarts'
import type { ECharts, SetOptionOpts } from 'echarts/core'
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts'
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { LabelLayout } from 'echarts/features'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { shieldChartText } from './shared/chart-text'

// LabelLayout: a series' `labelLayout.hideOverlap` (figures on narrow bar charts) does nothing without it
echarts.use([FunnelChart, BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, GraphicComponent, LabelLayout, CanvasRenderer, SVGRenderer])

/**
 * The only way an option reaches a chart: user text is shielded first (see chart-text.ts:
 * a label named `__proto__` would otherwise pollute `Object.prototype` through zrender's
 * text-width cache).
 */
export function setChartOption(chart: ECharts, option: EChartsOption, opts?: SetOptionOpts): void {
  chart.setOption(shieldChartText(option), opts)
}

export { echarts }

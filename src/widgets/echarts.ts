/**
 * The one ECharts entry of the app: only the charts and components the widgets use are
 * registered (ECharts handbook, "Shrinking Bundle Size"). Imported by dashboard code only, so
 * the home page never loads ECharts.
 */
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts'
import { GraphicComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'

echarts.use([FunnelChart, BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, GraphicComponent, CanvasRenderer, SVGRenderer])

export { echarts }

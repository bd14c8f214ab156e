import type { WidgetData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { echarts, setChartOption } from './echarts'
import { buildWidgetOption } from './widget-options'

/** Any widget's data drawn off screen and returned as a PNG data URL (for non-chart widgets). */
export function widgetPng(data: WidgetData, locale: Locale, title: string, width: number, height: number): string {
  const box = document.createElement('div')
  box.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px`
  document.body.append(box)
  const chart = echarts.init(box, null, { renderer: 'canvas', width, height })
  try {
    setChartOption(chart, { ...buildWidgetOption(data, locale, title), animation: false })
    return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })
  }
  finally {
    chart.dispose()
    box.remove()
  }
}

import { describe, expect, it } from 'vitest'
import { WIDGET_TYPES } from '../../../src/core/validation'
import { echarts } from '../../../src/widgets/echarts'
import { buildWidgetOption } from '../../../src/widgets/widget-options'
import { dataOf } from '../../fixtures/widgets'

/** Renders an option to an SVG string with ECharts' server-side renderer (no DOM). */
function renderSvg(option: ReturnType<typeof buildWidgetOption>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 })
  try {
    chart.setOption(option)
    return chart.renderToSVGString()
  }
  finally {
    chart.dispose()
  }
}

describe('widgets/ssr', () => {
  describe('renderToSVGString', () => {
    it.each([...WIDGET_TYPES])('should render a %s widget to SVG in Node', (type) => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const svg = renderSvg(buildWidgetOption(dataOf(type), locale, 'KPI'))
        expect(svg.startsWith('<svg')).toBe(true)
        expect(svg.length).toBeGreaterThan(300)
      }
    })

    it('should draw the funnel layer labels and the bottleneck sentence into the SVG', () => {
      const svg = renderSvg(buildWidgetOption(dataOf('funnel'), 'en'))
      expect(svg).toContain('of first 62.5%')
      expect(svg).toContain('The bottleneck is')
      expect(svg.match(/<path/g)?.length).toBeGreaterThanOrEqual(4)
    })
  })
})

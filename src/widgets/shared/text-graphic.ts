import type { EChartsOption } from 'echarts'
import { baseOption, TEXT } from './theme'

/** One line of a text-only widget picture. */
export interface TextLine {
  text: string
  size?: number
  color?: string
  bold?: boolean
}

/**
 * A chart option drawing lines of text (KPI cards, tables, pivots, notes), so every widget can
 * be rendered by ECharts: to SVG on a server, or to PNG for "export as image".
 */
export function textLinesOption(lines: readonly TextLine[]): EChartsOption {
  let y = 12
  const elements = lines.map((l) => {
    const size = l.size ?? 13
    const el = { type: 'text' as const, left: 16, top: y, style: { text: l.text, fontSize: size, fill: l.color ?? TEXT.main, fontWeight: l.bold ? 'bold' as const : 'normal' as const } }
    y += Math.round(size * 1.6)
    return el
  })
  return { ...baseOption(), graphic: elements }
}

/** Pads cells into aligned columns of a plain-text table row. */
export function tableLine(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => {
    const w = widths[i] ?? 10
    const t = c.length > w ? `${c.slice(0, w - 1)}…` : c
    return t.padEnd(w, ' ')
  }).join('  ')
}

import type { WidgetDef } from '../schema/types'

/** One placed widget of the 12-column dashboard grid. */
export interface PlacedWidget { i: string, x: number, y: number, w: number, h: number }

/** Columns of the dashboard grid. */
const COLUMNS = 12

/**
 * A dashboard arranged for a phone: the widgets in reading order (rows top to bottom, left to
 * right), one below the other across the full width at their own height. On a 390 px screen a
 * quarter-width chart is 80 px wide and a half-width KPI cuts its figure ("¥11,077,80"); the
 * saved layout is not changed.
 */
export function phoneLayout(widgets: readonly Pick<WidgetDef, 'id' | 'layout'>[]): PlacedWidget[] {
  const ordered = [...widgets].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x)
  let y = 0
  return ordered.map((w) => {
    const placed = { i: w.id, x: 0, y, w: COLUMNS, h: w.layout.h }
    y += w.layout.h
    return placed
  })
}

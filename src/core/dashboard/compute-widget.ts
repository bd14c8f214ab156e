import type { WidgetDef } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import type { DashboardContext } from './context'
import type { WidgetResult } from './result-types'
import { computeBreakdown } from './compute-breakdown'
import { computeChart } from './compute-chart'
import { computeConversion } from './compute-conversion'
import { computeFunnel } from './compute-funnel'
import { computeKpi } from './compute-kpi'
import { computePivot } from './compute-pivot'
import { computeReverseFunnel } from './compute-reverse'
import { computeTable } from './compute-table'
import { computeTargetProgress } from './compute-target'
import { computeWaterfall } from './compute-waterfall'
import { computeForecast } from './compute-forecast'

/**
 * The data a widget draws, computed purely from `ctx` (numbers from core/metrics and
 * core/query only), or `needsConfig` naming each missing or dangling reference (a deleted
 * form or field, a field of the wrong type). Never throws on a bad config.
 */
export function computeWidget(w: WidgetDef, ctx: DashboardContext): WidgetResult {
  switch (w.type) {
    case 'funnel': return computeFunnel(w, ctx)
    case 'conversion': return computeConversion(w, ctx)
    case 'kpi': return computeKpi(w, ctx)
    case 'bar': case 'column': case 'line': case 'area': case 'pie': case 'donut': return computeChart(w, ctx)
    case 'table': return computeTable(w, ctx)
    case 'pivot': return computePivot(w, ctx)
    case 'targetProgress': return computeTargetProgress(w, ctx)
    case 'reverseFunnel': return computeReverseFunnel(w, ctx)
    case 'waterfall': return computeWaterfall(w, ctx)
    case 'breakdown': return computeBreakdown(w, ctx)
    case 'forecast': return computeForecast(w, ctx)
    case 'text': case 'heading': {
      const text = w.config.text
      if (text === undefined || text === '') return { status: 'needsConfig', problems: [{ key: 'text', reason: 'missing' }] }
      return { status: 'ok', data: { type: w.type, text } }
    }
    default: return assertNever(w, 'widget type')
  }
}

/** {@link computeWidget}, with any unexpected error turned into a "needs configuration" answer. */
export function computeWidgetSafe(widget: WidgetDef, ctx: DashboardContext): WidgetResult {
  try {
    return computeWidget(widget, ctx)
  }
  catch {
    return { status: 'needsConfig', problems: [{ key: 'config', reason: 'invalid' }] }
  }
}

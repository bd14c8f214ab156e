import type { WidgetData } from '@/core/dashboard'
import type { Locale } from '@/core/schema/types'
import { funnelLayerShares } from '../funnel/funnel-options'
import { formatValue, text } from './format'

/** One figure behind a chart: its label, the raw number(s) (for machines) and the text a reader hears. */
export interface DataRow {
  label: string
  /** Raw values, ' / ' between series (a data attribute: tests read it as numbers). */
  value: string
  /** The same figures formatted as the chart shows them (thousands separators, %, days). */
  text: string
}

/** The figures a charted widget draws, as rows of a screen-reader table. */
export function widgetDataRows(d: WidgetData, locale: Locale): DataRow[] {
  if (d.type === 'funnel') {
    const fmt = d.value === 'amount' ? 'money' : 'number'
    // the percentages the chart labels show, so a reader hears them too
    return d.layers.map((l, i) => ({ label: text(l.label, locale), value: String(l.value), text: `${formatValue(l.value, fmt, locale, d.currency)} · ${funnelLayerShares(d, i, locale)}` }))
  }
  if (d.type === 'waterfall') {
    const fmt = d.value === 'amount' ? 'money' : 'number'
    return d.bars.map(b => ({ label: text(b.label, locale), value: String(b.value), text: formatValue(b.value, fmt, locale, d.currency) }))
  }
  if ('categories' in d) {
    return d.categories.map((c, i) => ({
      label: text(c.label, locale),
      value: d.series.map(s => s.values[i] ?? '').join(' / '),
      text: d.series.map(s => formatValue(s.values[i] ?? null, d.format, locale, 'currency' in d ? d.currency : undefined)).join(' / '),
    }))
  }
  return []
}

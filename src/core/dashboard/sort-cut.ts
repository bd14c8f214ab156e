import type { ChartConfig } from './config-types'
import type { ChartCategory, ChartSeries } from './result-types'

/** Sorts categories by the dimension (as grouped) or by their total, then keeps the top N. */
export function sortAndCut(categories: ChartCategory[], series: ChartSeries[], c: Pick<ChartConfig, 'sort' | 'topN'>): { categories: ChartCategory[], series: ChartSeries[] } {
  let order = categories.map((_, i) => i)
  const total = (i: number): number => series.reduce((t, s) => t + (s.values[i] ?? 0), 0)
  if (c.sort === 'valueDesc') order.sort((a, b) => total(b) - total(a))
  if (c.sort === 'valueAsc') order.sort((a, b) => total(a) - total(b))
  if (c.topN !== undefined && c.topN > 0) {
    if (c.sort === undefined || c.sort === 'dimension') {
      const keep = new Set([...order].sort((a, b) => total(b) - total(a)).slice(0, c.topN))
      order = order.filter(i => keep.has(i))
    }
    else order = order.slice(0, c.topN)
  }
  return {
    categories: order.map(i => categories[i]!),
    series: series.map(s => ({ ...s, values: order.map(i => s.values[i] ?? null) })),
  }
}

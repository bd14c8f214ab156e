/** The straightforward JS version of funnel + conversion + time in stage: objects, arrays, sorts. */
import type { FieldOf, RecordRow, StageEvent } from '../../src/core/schema/types'

/** Result shape shared with the DuckDB side and ours, for the equality check. */
export interface MetricNumbers {
  /** reached(k) and amount, k = 1..n + 1 (the last is won). */
  funnel: { count: number, amount: number }[]
  /** reached(k + 1) / reached(k). */
  conversion: (number | null)[]
  /** Per open stage ordinal: completed, latest, cumulative, open distributions. */
  timeInStage: Record<'completed' | 'latest' | 'cumulative' | 'open', Dist>[]
}

export interface Dist { count: number, mean: number | null, median: number | null, p90: number | null }

function dist(xs: number[]): Dist {
  if (xs.length === 0) return { count: 0, mean: null, median: null, p90: null }
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return {
    count: s.length,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
    median: s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2,
    p90: s[Math.ceil(0.9 * s.length) - 1]!,
  }
}

/** Naive metrics: group events per record in a Map of arrays, sort them, walk visits as objects. */
export function naiveMetrics(records: readonly RecordRow[], events: readonly StageEvent[], field: FieldOf<'stage'>, amountField: string, now: number): MetricNumbers {
  const stages = field.options.stages
  const open = stages.filter(s => s.kind === 'open').map(s => s.id)
  const n = open.length
  const byRecord = new Map<string, StageEvent[]>()
  for (const e of events) {
    if (e.fieldId !== field.id) continue
    const list = byRecord.get(e.recordId)
    if (list) list.push(e)
    else byRecord.set(e.recordId, [e])
  }
  const depths: { depth: number, amount: number }[] = []
  const tis = open.map(() => ({ completed: [] as number[], latest: [] as number[], cumulative: [] as number[], open: [] as number[] }))
  for (const r of records) {
    const evs = [...(byRecord.get(r.id) ?? [])].sort((a, b) => a.at - b.at)
    const visits: { stage: string, enter: number, exit: number | null }[] = []
    for (const e of evs) {
      const last = visits[visits.length - 1]
      if (last?.stage === e.to) continue
      if (last) last.exit = e.at
      visits.push({ stage: e.to, enter: e.at, exit: null })
    }
    const cur = stages.find(s => s.id === r.values[field.id])
    if (!cur) continue
    if (visits.length === 0 && cur.kind === 'open') visits.push({ stage: cur.id, enter: r.createdAt, exit: null })
    const highest = Math.max(-1, ...visits.map(v => open.indexOf(v.stage)))
    const depth = cur.kind === 'won' ? n + 1 : cur.kind === 'lost' ? Math.max(highest + 1, 1) : Math.max(highest, open.indexOf(cur.id)) + 1
    const a = r.values[amountField]
    depths.push({ depth, amount: typeof a === 'number' ? a : 0 })
    open.forEach((id, o) => {
      const mine = visits.filter(v => v.stage === id)
      const done = mine.filter(v => v.exit !== null).map(v => (v.exit as number) - v.enter)
      tis[o]!.completed.push(...done)
      if (done.length > 0) {
        tis[o]!.latest.push(done[done.length - 1]!)
        tis[o]!.cumulative.push(done.reduce((x, y) => x + y, 0))
      }
      for (const v of mine) if (v.exit === null) tis[o]!.open.push(now - v.enter)
    })
  }
  const funnel: MetricNumbers['funnel'] = []
  for (let k = 1; k <= n + 1; k++) {
    const reached = depths.filter(d => d.depth >= k)
    funnel.push({ count: reached.length, amount: reached.reduce((t, d) => t + d.amount, 0) })
  }
  const conversion = funnel.slice(1).map((s, k) => (funnel[k]!.count === 0 ? null : s.count / funnel[k]!.count))
  return { funnel, conversion, timeInStage: tis.map(t => ({ completed: dist(t.completed), latest: dist(t.latest), cumulative: dist(t.cumulative), open: dist(t.open) })) }
}

/** One row of a stage-history log as stage ordering reads it. */
export interface StageOrderRow {
  key: string
  stage: string
  at: number
  /** The row's sort-order or probability value, when the file has such a column. */
  order?: number
}

/** Where an order came from: a sort-order/probability column, the observed moves, or the file order. */
export type StageOrderSource = 'sortColumn' | 'transitions' | 'firstSeen'

/** Stage names in funnel order, and how that order was found. */
export interface StageOrder {
  names: string[]
  source: StageOrderSource
}

/**
 * Orders the stage names of a history log for a funnel: by the median of a sort-order (or
 * probability) column when rows carry one; else topologically by the forward moves observed
 * (per key, in time order, a → b counted when it happens more often than b → a; a cycle is
 * broken at the stage with the most net outgoing moves); else in order of first appearance.
 * Ties keep first appearance. Outcome stages are ordered too; callers put them after the open ones.
 */
export function orderStageNames(rows: readonly StageOrderRow[]): StageOrder {
  const first = new Map<string, number>()
  for (const r of rows) if (!first.has(r.stage)) first.set(r.stage, first.size)
  const names = [...first.keys()]
  const byFirst = (a: string, b: string) => first.get(a)! - first.get(b)!
  const sorts = new Map<string, number[]>()
  for (const r of rows) {
    if (r.order === undefined || !Number.isFinite(r.order)) continue
    const list = sorts.get(r.stage)
    if (list) list.push(r.order)
    else sorts.set(r.stage, [r.order])
  }
  if (sorts.size > 0) {
    const med = new Map(names.map(n => [n, median(sorts.get(n)) ?? Infinity]))
    return { names: [...names].sort((a, b) => med.get(a)! - med.get(b)! || byFirst(a, b)), source: 'sortColumn' }
  }
  const moves = countMoves(rows)
  if (moves.size === 0) return { names, source: 'firstSeen' }
  return { names: topological(names, moves, byFirst), source: 'transitions' }
}

/**
 * The open stages of a field (`current`, in their order) reordered as `found` says: the stages
 * the log names take their places in its order, the ones it never names stay where they are,
 * and an order from first appearance alone (no evidence of funnel order) changes nothing.
 */
export function reorderOpenStages(current: readonly string[], found: StageOrder): string[] {
  if (found.source === 'firstSeen') return [...current]
  const named = new Set(found.names)
  const queue = found.names.filter(id => current.includes(id))
  return current.map(id => (named.has(id) ? queue.shift()! : id))
}

function median(xs: number[] | undefined): number | undefined {
  if (!xs?.length) return undefined
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1]! + s[m]!) / 2
}

/** `a\u0000b` → how many times a record moved from a to b. */
function countMoves(rows: readonly StageOrderRow[]): Map<string, number> {
  const byKey = new Map<string, StageOrderRow[]>()
  rows.forEach((r) => {
    const list = byKey.get(r.key)
    if (list) list.push(r)
    else byKey.set(r.key, [r])
  })
  const moves = new Map<string, number>()
  for (const list of byKey.values()) {
    const sorted = list.map((r, i) => ({ r, i })).sort((a, b) => a.r.at - b.r.at || a.i - b.i)
    for (let j = 1; j < sorted.length; j++) {
      const a = sorted[j - 1]!.r.stage
      const b = sorted[j]!.r.stage
      if (a !== b) moves.set(`${a}\u0000${b}`, (moves.get(`${a}\u0000${b}`) ?? 0) + 1)
    }
  }
  return moves
}

function topological(names: readonly string[], moves: ReadonlyMap<string, number>, byFirst: (a: string, b: string) => number): string[] {
  const count = (a: string, b: string) => moves.get(`${a}\u0000${b}`) ?? 0
  // Edges keep the dominant direction only: a → b when more records went a → b than b → a.
  const edge = (a: string, b: string) => count(a, b) > count(b, a)
  const left = new Set(names)
  const out: string[] = []
  while (left.size) {
    const rest = [...left].sort(byFirst)
    const free = rest.filter(n => !rest.some(m => m !== n && edge(m, n)))
    let next = free[0]
    if (next === undefined) {
      const net = (n: string) => rest.reduce((s, m) => s + count(n, m) - count(m, n), 0)
      next = rest.reduce((best, n) => (net(n) > net(best) ? n : best))
    }
    out.push(next)
    left.delete(next)
  }
  return out
}

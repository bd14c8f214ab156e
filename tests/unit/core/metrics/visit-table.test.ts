import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RecordRow } from '../../../../src/core/schema/types'
import { historyAt, openStageIndex, summarizeStageHistory, timeInStage } from '../../../../src/core/metrics'
import { DAY, stageField } from '../../../fixtures/metrics'
import { historiesArb } from '../../../fixtures/metrics-random'

const field = stageField()
const NOW = 90 * DAY

/** Sorted-array statistics, as a plain script would compute them. */
function stats(xs: number[]) {
  if (xs.length === 0) return { count: 0, mean: null, median: null, p90: null }
  const v = [...xs].sort((a, b) => a - b)
  const mid = v.length >> 1
  return {
    count: v.length,
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
    median: v.length % 2 === 1 ? v[mid] : (v[mid - 1]! + v[mid]!) / 2,
    p90: v[Math.ceil(0.9 * v.length) - 1],
  }
}

/** Time in stage per open stage, record by record from historyAt objects (the per-record definition). */
function reference(records: RecordRow[], events: Parameters<typeof summarizeStageHistory>[1], keep: (r: RecordRow) => boolean) {
  const s = summarizeStageHistory(records, events, field)
  const n = s.model.openCount
  const lists = Array.from({ length: n }, () => ({ completed: [] as number[], latest: [] as number[], cumulative: [] as number[], open: [] as number[] }))
  records.forEach((r, i) => {
    const h = historyAt(s, i)
    if (!keep(r) || h.outcome === 'none') return
    const latest = new Map<number, number>()
    const sum = new Map<number, number>()
    for (const v of h.visits) {
      const o = openStageIndex(s.model, v.stage)
      if (o < 0) continue
      if (v.exitedAt === null) {
        lists[o]!.open.push(NOW - v.enteredAt)
        continue
      }
      lists[o]!.completed.push(v.exitedAt - v.enteredAt)
      latest.set(o, v.exitedAt - v.enteredAt)
      sum.set(o, (sum.get(o) ?? 0) + v.exitedAt - v.enteredAt)
    }
    for (const [o, x] of latest) {
      lists[o]!.latest.push(x)
      lists[o]!.cumulative.push(sum.get(o)!)
    }
  })
  return lists.map(l => ({ completed: stats(l.completed), latest: stats(l.latest), cumulative: stats(l.cumulative), open: stats(l.open) }))
}

const close = (a: number | null, b: number | null | undefined): boolean => a === b || (a !== null && b != null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)))

describe('visit-table', () => {
  describe('timeInStage over the columnar visit table', () => {
    it('should equal the per-record definition on random histories, whole population and filtered, with a shared summary', () => {
      fc.assert(fc.property(historiesArb, fc.boolean(), ({ records, events }, filtered) => {
        const keep = (r: RecordRow): boolean => !filtered || r.values.owner === 'm1'
        const summary = summarizeStageHistory(records, events, field)
        const input = { records, events, field, summary, options: { now: NOW, where: filtered ? keep : undefined } }
        // twice: the second call reuses the table cached with the summary
        for (const got of [timeInStage(input), timeInStage(input)]) {
          const want = reference(records, events, keep)
          got.stages.forEach((st, o) => {
            for (const kind of ['completed', 'latest', 'cumulative', 'open'] as const) {
              const g = st[kind]
              const w = want[o]![kind]
              expect(g.count).toBe(w.count)
              expect(close(g.mean, w.mean) && close(g.median, w.median) && close(g.p90, w.p90), `${st.stageId} ${kind}: ${JSON.stringify(g)} vs ${JSON.stringify(w)}`).toBe(true)
            }
          })
        }
      }), { numRuns: 150 })
    })

    it('should give the same figures from a precomputed population as from the where predicate', () => {
      fc.assert(fc.property(historiesArb, ({ records, events }) => {
        const where = (r: RecordRow): boolean => r.values.owner === 'm2'
        const summary = summarizeStageHistory(records, events, field)
        const population = Uint8Array.from(records, r => (where(r) ? 1 : 0))
        const viaWhere = timeInStage({ records, events, field, summary, options: { now: NOW, where } })
        const viaPopulation = timeInStage({ records, events, field, summary, population, options: { now: NOW, where: () => false } })
        expect(viaPopulation).toEqual(viaWhere)
      }), { numRuns: 50 })
    })
  })
})

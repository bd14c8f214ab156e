/**
 * As-of pipeline and pipeline waterfall, hand-computed. Days; window [10, 20):
 * A created 0: s1@0 s2@5 won@15 (100) · B created 0: s1@0 lost@8 (50) · C created 12: s1@12 s2@14 (30) ·
 * D created 11: s1@11 lost@16 (20) · E created 0: s1@0 lost@5, re-opened s2@13 (40) ·
 * F created 0: s1@2 s2@4, amount 60 → 70 on day 12 (70 now).
 */
import { describe, expect, it } from 'vitest'
import type { ChangeEntry } from '../../../../src/core/schema/types'
import type { MetricInput, WATERFALL_BARS } from '../../../../src/core/metrics'
import { amountsAt, amountsAtTimes, inWaterfallBar, pipelineAsOf, pipelineWaterfall } from '../../../../src/core/metrics'
import { DAY, rec, stageField, walk } from '../../../fixtures/metrics'

function input(): MetricInput {
  const records = [
    rec('A', 'won', { amount: 100 }, 0),
    rec('B', 'lost', { amount: 50 }, 0),
    rec('C', 's2', { amount: 30 }, 12),
    rec('D', 'lost', { amount: 20 }, 11),
    rec('E', 's2', { amount: 40 }, 0),
    rec('F', 's2', { amount: 70 }, 0),
  ]
  const events = [
    ...walk('A', [['s1', 0], ['s2', 5], ['won', 15]]),
    ...walk('B', [['s1', 0], ['lost', 8]]),
    ...walk('C', [['s1', 12], ['s2', 14]]),
    ...walk('D', [['s1', 11], ['lost', 16]]),
    ...walk('E', [['s1', 0], ['lost', 5], ['s2', 13]]),
    ...walk('F', [['s1', 2], ['s2', 4]]),
  ]
  return { records, events, field: stageField(), options: { amountField: 'amount', now: 30 * DAY } }
}
const CHANGES: ChangeEntry[] = [{ id: 'c1', formId: 'f', recordId: 'F', at: 12 * DAY, kind: 'update', changes: [{ field: 'amount', from: 60, to: 70 }] }]

describe('waterfall', () => {
  describe('pipelineAsOf', () => {
    it('should rebuild the open pipeline as it stood on a past day, with the amounts of then', () => {
      const at10 = pipelineAsOf(input(), 10 * DAY, CHANGES)
      expect(at10.stages.map(s => [s.stageId, s.count, s.amount])).toEqual([['s1', 0, 0], ['s2', 2, 160], ['s3', 0, 0]])
      const at13 = pipelineAsOf(input(), 13 * DAY, CHANGES)
      expect(at13.stages.map(s => [s.stageId, s.count, s.amount])).toEqual([['s1', 2, 50], ['s2', 3, 210], ['s3', 0, 0]])
      expect([at13.count, at13.amount]).toEqual([5, 260])
    })
  })

  describe('pipelineWaterfall', () => {
    const w = () => pipelineWaterfall(input(), 10 * DAY, 20 * DAY, CHANGES)

    it('should give every bar by count and by amount', () => {
      const bars = Object.fromEntries(w().bars.map(b => [b.key, [b.count, b.amount]]))
      expect(bars).toEqual({
        start: [2, 160], // A, F (at 60)
        created: [2, 50], // C, D
        pulledIn: [1, 40], // E re-opened
        pushedOut: [0, 0],
        amountChange: [1, 10], // F 60 → 70
        won: [1, -100], // A
        lost: [1, -20], // D
        end: [3, 140], // C, E, F
      })
    })

    it('should sum exactly from start to end, by count and by amount', () => {
      const bars = w().bars
      const startCount = bars[0]!.count
      const endCount = bars.at(-1)!.count
      expect(bars.slice(1, -1).reduce((t, b) => t + b.delta, startCount)).toBe(endCount)
      expect(bars.slice(0, -1).reduce((t, b) => t + b.amount, 0)).toBe(bars.at(-1)!.amount)
    })

    it('should know which records are in each bar (drill-through)', () => {
      const wf = w()
      const ids = input().records.map(r => r.id)
      const of = (k: typeof WATERFALL_BARS[number]) => ids.filter((_, i) => inWaterfallBar(wf, i, k))
      expect([of('start'), of('created'), of('pulledIn'), of('won'), of('lost'), of('end')]).toEqual([['A', 'F'], ['C', 'D'], ['E'], ['A'], ['D'], ['C', 'E', 'F']])
    })

    it('should keep current amounts without a change log (no amount-change bar)', () => {
      const bars = Object.fromEntries(pipelineWaterfall(input(), 10 * DAY, 20 * DAY).bars.map(b => [b.key, b.amount]))
      expect([bars.start, bars.amountChange, bars.end]).toEqual([170, 0, 140])
    })
  })

  describe('amountsAtTimes', () => {
    it('should read each time\'s amount from the first change after it, entries in any order, ties to the first listed', () => {
      const records = [rec('A', 's1', { amount: 30 }), rec('B', 's1', { amount: 7 }), rec('C', 's1', {})]
      const change = (id: string, recordId: string, day: number, from: unknown, field = 'amount'): ChangeEntry => ({ id, formId: 'f', recordId, at: day * DAY, kind: 'update', changes: [{ field: 'name', from: 'x', to: 'y' }, { field, from, to: 0 }] })
      const changes = [
        change('a3', 'A', 9, 20), change('a1', 'A', 3, 10), change('a2', 'A', 6, 15),
        change('b1', 'B', 5, 'n/a'), change('b2', 'B', 5, 99),
        change('c1', 'C', 4, 1, 'other'),
        change('x', 'gone', 4, 1),
      ]
      const current = new Float64Array([30, 7, Number.NaN])
      const [at0, at5, at9] = amountsAtTimes(records, current, 'amount', changes, [0, 5 * DAY, 9 * DAY])
      expect([...at0!]).toEqual([10, Number.NaN, Number.NaN])
      expect([...at5!]).toEqual([15, 7, Number.NaN])
      expect([...at9!]).toEqual([30, 7, Number.NaN])
      expect([...amountsAt(records, current, 'amount', changes, 4 * DAY)]).toEqual([15, Number.NaN, Number.NaN])
    })
  })
})

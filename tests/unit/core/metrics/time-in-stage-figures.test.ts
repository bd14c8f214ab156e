import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Distribution, StageSummary } from '../../../../src/core/metrics'
import { summarizeStageHistory, timeInStage } from '../../../../src/core/metrics'
import { DAY, stageField } from '../../../fixtures/metrics'
import { historiesArb } from '../../../fixtures/metrics-random'

const field = stageField()
const NOW = 90 * DAY

function bySorting(xs: number[]): Distribution {
  if (xs.length === 0) return { count: 0, mean: null, median: null, p90: null }
  const v = [...xs].sort((a, b) => a - b)
  const n = v.length
  const mid = n >> 1
  return { count: n, mean: xs.reduce((a, b) => a + b, 0) / n, median: n % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2, p90: v[Math.ceil(0.9 * n) - 1]! }
}

/** Time in stage by its definition over the summary's visits: lists in record order, then visit order. */
function byDefinition(s: StageSummary, mask: Uint8Array, now: number) {
  return s.model.openCodes.map((_, o) => {
    const done: number[] = []
    const latest: number[] = []
    const cumulative: number[] = []
    const open: number[] = []
    for (let i = 0; i < s.count; i++) {
      if (mask[i] !== 1) continue
      let last: number | undefined
      let sum = 0
      for (let v = s.visitOffset[i]!; v < s.visitOffset[i + 1]!; v++) {
        if (s.model.ordinal[s.visitStage[v]!] !== o) continue
        const enter = s.visitEnter[v]!
        const exit = s.visitExit[v]!
        if (Number.isNaN(exit)) open.push(now - enter)
        else {
          done.push(exit - enter)
          last = exit - enter
          sum += exit - enter
        }
      }
      if (last !== undefined) {
        latest.push(last)
        cumulative.push(sum)
      }
    }
    return { completed: bySorting(done), latest: bySorting(latest), cumulative: bySorting(cumulative), open: bySorting(open) }
  })
}

describe('time in stage figures', () => {
  it('should give the figures of its definition, on the first pass over a summary and from its visit table after, whoever is in the population', () => {
    fc.assert(fc.property(historiesArb, fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), ({ records, events }, keep) => {
      const summary = summarizeStageHistory(records, events, field)
      const all = new Uint8Array(records.length).fill(1)
      const some = Uint8Array.from(records, (_, i) => (keep[i] ? 1 : 0))
      for (const pop of [all, some, all]) {
        const got = timeInStage({ records, events, field, summary, population: pop, options: { now: NOW } }).stages
        expect(got.map(({ completed, latest, cumulative, open }) => ({ completed, latest, cumulative, open }))).toEqual(byDefinition(summary, pop, NOW))
      }
    }), { numRuns: 300 })
  })
})

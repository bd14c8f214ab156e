import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { summarizeStageHistory, timeInStage } from '../../../../src/core/metrics'
import { DAY, stageField } from '../../../fixtures/metrics'
import { historiesArb } from '../../../fixtures/metrics-random'

const field = stageField()
const NOW = 90 * DAY

describe('time in stage over one summary', () => {
  it('should give the same figures from the first pass over the visits and from the visit table after it', () => {
    fc.assert(fc.property(historiesArb, fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), ({ records, events }, keep) => {
      const population = Uint8Array.from(records, (_, i) => (keep[i] ? 1 : 0))
      const all = new Uint8Array(records.length).fill(1)
      const at = (summary: ReturnType<typeof summarizeStageHistory>, pop: Uint8Array) =>
        timeInStage({ records, events, field, summary, population: pop, options: { now: NOW } })
      const shared = summarizeStageHistory(records, events, field)
      const first = at(shared, all)
      // the second and later computations over the same summary read its visit table
      const filtered = at(shared, population)
      const again = at(shared, all)
      expect(filtered).toEqual(at(summarizeStageHistory(records, events, field), population))
      expect(again).toEqual(first)
    }), { numRuns: 200 })
  })
})

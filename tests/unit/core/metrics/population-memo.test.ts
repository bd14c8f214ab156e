import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { MetricInput, MetricMode, Period } from '../../../../src/core/metrics'
import { cumulativeFunnel, lossAnalysis, salesCycle, salesVelocity, snapshotFunnel, stalledRecords, strictFunnel, summarizeStageHistory, timeInStage, weightedPipeline, winRate } from '../../../../src/core/metrics'
import { DAY, stageField } from '../../../fixtures/metrics'
import { historiesArb } from '../../../fixtures/metrics-random'

const field = stageField()
const NOW = 90 * DAY

/** Every metric reading the open, closed and funnel masks, in the order asked. */
const METRICS = {
  winRate, salesCycle, salesVelocity, weightedPipeline, snapshotFunnel, lossAnalysis, timeInStage,
  cumulative: cumulativeFunnel, strict: strictFunnel, stalled: (input: MetricInput) => stalledRecords(input),
} as const
type Name = keyof typeof METRICS
const NAMES = Object.keys(METRICS) as Name[]

const askArb = fc.record({
  metric: fc.constantFrom(...NAMES),
  pop: fc.nat(2),
  mode: fc.constantFrom<MetricMode>('cohort', 'activity'),
  // few periods, so one population is often asked again over the same or another period
  period: fc.constantFrom<Period | undefined>(undefined, { from: 10 * DAY, to: 40 * DAY }, { from: 20 * DAY }, { to: 30 * DAY }, { from: 10 * DAY, to: 30 * DAY }),
})

describe('masks memoised per summary and population', () => {
  it('should give every metric the figures of a population never seen before, whatever was asked over it first', () => {
    fc.assert(fc.property(historiesArb, fc.array(fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), { minLength: 3, maxLength: 3 }), fc.array(askArb, { minLength: 1, maxLength: 12 }), ({ records, events }, keeps, asks) => {
      const summary = summarizeStageHistory(records, events, field, { numberFields: ['amount'] })
      // three shared population arrays, as a dashboard's memoised filters hand out
      const pops = keeps.map(keep => Uint8Array.from(records, (_, i) => (keep[i] ? 1 : 0)))
      for (const a of asks) {
        const options = { amountField: 'amount', now: NOW, mode: a.mode, period: a.period }
        const shared = pops[a.pop] as Uint8Array
        const got = METRICS[a.metric]({ records, events, field, summary, population: shared, options })
        // a copy of the population is a new array: nothing memoised for it
        const want = METRICS[a.metric]({ records, events, field, summary, population: shared.slice(), options })
        expect(got).toEqual(want)
      }
    }), { numRuns: 300 })
  })
})

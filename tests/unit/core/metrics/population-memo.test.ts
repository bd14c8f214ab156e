import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { MetricInput, MetricMode, Period, StageSummary } from '../../../../src/core/metrics'
import { OUTCOME_LOST, OUTCOME_NONE, OUTCOME_WON } from '../../../../src/core/metrics'
import { inPeriod, metricContext } from '../../../../src/core/metrics/context'
import { closedMask, currentMask, funnelPopulation } from '../../../../src/core/metrics/population'
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

/** The mask loops as they were before they were memoised and inlined (record by record, inPeriod). */
function oldCurrent(s: StageSummary, kept: Uint8Array, period: Period | undefined, outcome?: number): Uint8Array {
  const mask = new Uint8Array(s.count)
  for (let i = 0; i < s.count; i++) {
    const out = s.outcome[i]
    if (kept[i] === 1 && out !== OUTCOME_NONE && (outcome === undefined || out === outcome) && inPeriod(s.entryAt[i] as number, period)) mask[i] = 1
  }
  return mask
}

function oldClosed(s: StageSummary, kept: Uint8Array, period: Period | undefined, which: 'won' | 'lost' | 'both') {
  const mask = new Uint8Array(s.count)
  let undated = 0
  for (let i = 0; i < s.count; i++) {
    const out = s.outcome[i]
    if (kept[i] !== 1) continue
    if (!(out === OUTCOME_WON && which !== 'lost') && !(out === OUTCOME_LOST && which !== 'won')) continue
    const t = s.closedAt[i] as number
    if (period !== undefined && Number.isNaN(t)) undated++
    else if (inPeriod(t, period)) mask[i] = 1
  }
  return { mask, undated }
}

describe('mask loops', () => {
  it('should give the masks of the record-by-record loops they replace', () => {
    const periods: (Period | undefined)[] = [undefined, {}, { from: 10 * DAY }, { to: 30 * DAY }, { from: 10 * DAY, to: 30 * DAY }, { from: 15.5 * DAY, to: 15.5 * DAY }]
    fc.assert(fc.property(historiesArb, fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), ({ records, events }, keep) => {
      const summary = summarizeStageHistory(records, events, field)
      const population = Uint8Array.from(records, (_, i) => (keep[i] ? 1 : 0))
      for (const period of periods) {
        // a context as metricContext makes it, and one with the empty period kept as it is
        const ctx = { ...metricContext({ records, events, field, summary, population, options: { now: NOW, period } }), period }
        for (const outcome of [undefined, 0, 1, 2, 3]) expect(currentMask(ctx, outcome)).toEqual(oldCurrent(summary, population, period, outcome))
        for (const which of ['won', 'lost', 'both'] as const) expect(closedMask(ctx, which)).toEqual(oldClosed(summary, population, period, which))
        const pop = funnelPopulation({ ...ctx, mode: 'cohort' })
        const mask = oldCurrent(summary, population, period)
        expect(pop.mask).toEqual(mask)
        expect(pop.lostUnknown).toBe(mask.reduce((n, m, i) => n + (m === 1 && summary.outcome[i] === OUTCOME_LOST && summary.lostFrom[i] === -1 ? 1 : 0), 0))
      }
    }), { numRuns: 300 })
  })
})

import { describe, expect, it } from 'vitest'
import type { FunnelData, KpiData, ConversionData } from '../../../../src/core/dashboard'
import { computeWidget } from '../../../../src/core/dashboard'
import { cumulativeFunnel, salesCycle, salesVelocity, weightedPipeline, winRate } from '../../../../src/core/metrics'
import { mixedPipeline } from '../../../fixtures/metrics'
import { dashCtx, oppRecords, widget } from '../../../fixtures/dashboard'

function ok<T>(result: ReturnType<typeof computeWidget>): T {
  if (result.status !== 'ok') throw new Error(`needs config: ${JSON.stringify(result.problems)}`)
  return result.data as T
}

const funnel = (config: Record<string, unknown>, values = {}) =>
  ok<FunnelData>(computeWidget(widget('funnel', { formId: 'opps', stageField: 'stage', ...config }), dashCtx({ filterValues: values })))

describe('dashboard/compute-funnel', () => {
  describe('computeWidget funnel', () => {
    it('should give the hand-computed cumulative layers with % of first and % to next', () => {
      const f = funnel({ amountField: 'amount' })
      expect(f.layers.map(l => [l.stageId, l.count, l.amount])).toEqual([['s1', 8, 800], ['s2', 5, 730], ['s3', 4, 650], ['won', 3, 600]])
      expect(f.layers.map(l => l.pctOfFirst)).toEqual([1, 5 / 8, 4 / 8, 3 / 8])
      expect(f.layers.map(l => l.pctToNext)).toEqual([5 / 8, 4 / 5, 3 / 4, null])
      expect(f.population).toBe(8)
    })

    it('should name the bottleneck stage in words in both languages', () => {
      const f = funnel({})
      expect(f.bottleneck?.stageId).toBe('s1')
      expect(f.bottleneck?.sentence['zh-CN']).toContain('阶段s1')
      expect(f.bottleneck?.sentence.en).toContain('Stage s1')
    })

    it('should give a snapshot its shares of every deal shown, never % of first or to next', () => {
      const snap = funnel({ mode: 'snapshot' })
      expect(snap.layers.map(l => l.share)).toEqual([1 / 5, 1 / 5, 0, 3 / 5])
      expect(snap.layers.every(l => l.pctOfFirst === null && l.pctToNext === null)).toBe(true)
      expect(snap.bottleneck).toBeNull()
    })

    it('should take the bottleneck note from the widget\'s own funnel kind', () => {
      const strict = funnel({ mode: 'strict' })
      // strict layers 6, 3, 2, 1: the weakest step converts 50 %, not the any-order 62.5 %
      expect(strict.bottleneck?.rate).toBe(0.5)
      expect(strict.bottleneck?.sentence.en).toContain('only 50.0% move on')
      expect(funnel({}).bottleneck?.rate).toBe(0.625)
      const conv = ok<ConversionData>(computeWidget(widget('conversion', { formId: 'opps', stageField: 'stage', mode: 'strict' }), dashCtx()))
      expect(conv.bottleneck?.rate).toBe(0.5)
    })

    it('should size layers by amount when asked', () => {
      const f = funnel({ value: 'amount', amountField: 'amount' })
      expect(f.layers.map(l => l.value)).toEqual([800, 730, 650, 600])
      expect(f.layers[1]?.pctOfFirst).toBe(730 / 800)
    })

    it('should give strict and snapshot funnels', () => {
      expect(funnel({ mode: 'strict' }).layers.map(l => l.count)).toEqual([6, 3, 2, 1])
      const snap = funnel({ mode: 'snapshot' })
      expect(snap.layers.map(l => [l.stageId, l.count])).toEqual([['s1', 1], ['s2', 1], ['s3', 0], ['won', 3]])
      expect(snap.population).toBe(8)
    })

    it('should apply a select dashboard filter exactly as core does with the same records', () => {
      const f = funnel({}, { source: ['web'] })
      expect(f.layers.map(l => l.count)).toEqual([5, 4, 3, 2])
      const { events, field } = mixedPipeline()
      const core = cumulativeFunnel({ records: oppRecords(), events, field, options: { where: r => r.values.source === 'web' } })
      expect(f.layers.map(l => l.count)).toEqual(core.steps.map(s => s.count))
    })

    it('should apply a custom date range to its target field', () => {
      const f = funnel({}, { date: { preset: 'custom', from: '2024-06-01', to: '2024-06-30' } })
      expect(f.layers.map(l => l.count)).toEqual([4, 3, 3, 2])
    })

    it('should combine the widget filter with the dashboard filters', () => {
      const f = funnel({ filter: { and: [{ field: 'owner', op: 'in', value: ['m1'] }] } }, { source: ['web'] })
      expect(f.layers.map(l => l.count)).toEqual([2, 2, 2, 2])
    })
  })

  describe('computeWidget conversion', () => {
    it('should give stage-to-stage rates, overall rate and the bottleneck', () => {
      const c = ok<ConversionData>(computeWidget(widget('conversion', { formId: 'opps', stageField: 'stage' }), dashCtx()))
      expect(c.steps.map(s => [s.from, s.to, s.fromCount, s.toCount, s.rate])).toEqual([['s1', 's2', 8, 5, 5 / 8], ['s2', 's3', 5, 4, 4 / 5], ['s3', 'won', 4, 3, 3 / 4]])
      expect(c.overall).toBe(3 / 8)
      expect(c.bottleneck?.stageId).toBe('s1')
    })
  })

  describe('computeWidget kpi', () => {
    const kpi = (config: Record<string, unknown>, values = {}) =>
      ok<KpiData>(computeWidget(widget('kpi', { formId: 'opps', stageField: 'stage', amountField: 'amount', ...config }), dashCtx({ filterValues: values })))
    const { events, field } = mixedPipeline()
    const input = { records: oppRecords(), events, field, options: { amountField: 'amount', now: dashCtx().now } }

    it('should give win rate, weighted pipeline, velocity and cycle days equal to core', () => {
      expect(kpi({ metric: 'winRate' })).toMatchObject({ value: 0.5, format: 'percent' })
      expect(kpi({ metric: 'winRate' }).value).toBe(winRate(input).rate)
      expect(kpi({ metric: 'weightedPipeline' }).value).toBe(31)
      expect(kpi({ metric: 'weightedPipeline' }).value).toBe(weightedPipeline(input).weighted)
      expect(kpi({ metric: 'averageCycleDays' })).toMatchObject({ value: 9, format: 'days' })
      expect(kpi({ metric: 'averageCycleDays' }).value).toBe(salesCycle(input).days.mean)
      expect(kpi({ metric: 'salesVelocity' }).value).toBeCloseTo(2 * 200 * 0.5 / 9, 9)
      expect(kpi({ metric: 'salesVelocity' }).value).toBe(salesVelocity(input).perDay)
    })

    it('should give count and sum measures', () => {
      expect(kpi({ metric: 'measure' }).value).toBe(9)
      expect(kpi({ metric: 'measure', measure: { fn: 'sum', field: 'amount' } })).toMatchObject({ value: 1800, format: 'money' })
      expect(kpi({ metric: 'measure', measure: { fn: 'avg', field: 'amount' } }).value).toBe(200)
    })

    it('should compare with the previous period of the date filter', () => {
      const k = kpi({ metric: 'measure', comparePrevious: true }, { date: { preset: 'custom', from: '2024-06-01', to: '2024-06-30' } })
      expect(k).toMatchObject({ value: 5, previous: 4, change: 0.25 })
    })

    it('should say no previous period when no date filter is on', () => {
      expect(kpi({ metric: 'measure', comparePrevious: true })).toMatchObject({ previous: null, change: null })
    })

    it('should give progress against a target, no data for a zero target', () => {
      expect(kpi({ metric: 'measure', target: 12 }).progress).toBe(0.75)
      expect(kpi({ metric: 'measure', target: 0 }).progress).toBeNull()
    })
  })
})

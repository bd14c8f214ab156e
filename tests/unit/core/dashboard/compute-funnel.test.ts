import { describe, expect, it } from 'vitest'
import type { FunnelData, KpiData, ConversionData } from '../../../../src/core/dashboard'
import { computeWidget, drillTarget } from '../../../../src/core/dashboard'
import { cumulativeFunnel, salesCycle, salesVelocity, weightedPipeline, winRate } from '../../../../src/core/metrics'
import type { StageEvent } from '../../../../src/core/schema/types'
import { DAY, mixedPipeline } from '../../../fixtures/metrics'
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

    it('should write the weighted pipeline\'s total with thousands grouped and the currency, never a raw number', () => {
      const records = oppRecords().map(r => (r.id === 'C' ? { ...r, values: { ...r.values, amount: 12345 } } : r))
      const r = computeWidget(widget('kpi', { formId: 'opps', stageField: 'stage', amountField: 'amount', metric: 'weightedPipeline' }), dashCtx({ records: { opps: records } }))
      // open: C (12,345) and H (20)
      expect(ok<KpiData>(r).detail).toEqual({ 'zh-CN': '2 个进行中，总额 ¥12,365', 'en': '2 open, total ¥12,365' })
    })

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

describe('dashboard/compute-funnel basis', () => {
  // the fixture's events and creation times moved to noon, so local-day boundaries in any zone within ±11 h fall between them
  const noon = (extra = {}) => {
    const base = dashCtx()
    const records = { ...base.records, opps: base.records.opps!.map(r => ({ ...r, createdAt: r.createdAt + DAY / 2 })) }
    const events = { opps: (base.events.opps as StageEvent[]).map(e => ({ ...e, at: e.at + DAY / 2 })) }
    return dashCtx({ records, events, filterValues: { date: { preset: 'custom', from: '1970-01-03', to: '1970-01-05' } }, ...extra })
  }
  const basisFunnel = (config: Record<string, unknown>) => ok<FunnelData>(computeWidget(widget('funnel', { formId: 'opps', stageField: 'stage', ...config }), noon()))

  it('should count the stage entries made in the period on the period basis (hand-computed)', () => {
    // entries on days 2-4: A s2 · B s3 · C s2 s3 · D s1 s2 · G s1, lost → reached s1 5, s2 4, s3 2, won 0
    const f = basisFunnel({ basis: 'period' })
    expect(f.layers.map(l => l.count)).toEqual([5, 4, 2, 0])
    expect(f.basis).toBe('period')
    expect(f.subtitle.en).toBe('Period · stage entries made 1970-01-03 – 1970-01-05, whoever made them')
    expect(f.subtitle['zh-CN']).toBe('期间 · 1970-01-03 至 1970-01-05 发生的阶段进入（不论记录何时创建）')
  })

  it('should count the records dated in the period on the cohort basis, and say so', () => {
    // no record's date (2024) lies in 1970: the cohort is empty
    const f = basisFunnel({})
    expect(f.layers.map(l => l.count)).toEqual([0, 0, 0, 0])
    expect(f.subtitle.en).toBe('Cohort · 商机 with Date 1970-01-03 – 1970-01-05, followed to now')
    expect(f.subtitle['zh-CN']).toBe('队列 · 日期在 1970-01-03 至 1970-01-05 的商机，跟踪到现在')
    expect(funnel({ mode: 'snapshot', basis: 'period' }).subtitle.en).toBe('Snapshot · where 商机 are now')
  })

  it('should give the conversion widget the same basis and drill a period layer to exactly its records', () => {
    const conv = ok<ConversionData>(computeWidget(widget('conversion', { formId: 'opps', stageField: 'stage', basis: 'period' }), noon()))
    expect(conv.steps.map(s => [s.fromCount, s.toCount])).toEqual([[5, 4], [4, 2], [2, 0]])
    expect(conv.subtitle.en).toContain('Period ·')
    const t = drillTarget(widget('funnel', { formId: 'opps', stageField: 'stage', basis: 'period' }), { kind: 'layer', stageId: 's2' }, noon())
    expect(t?.filter).toEqual({ and: [{ field: '_id', op: 'in', value: ['A', 'B', 'C', 'D'] }] })
  })
})

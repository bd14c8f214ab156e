import { describe, expect, it } from 'vitest'
import type { ChartData, PivotData, ReverseFunnelData, TableData, TargetProgressData, TextData, WidgetResult } from '../../../../src/core/dashboard'
import { computeWidget } from '../../../../src/core/dashboard'
import { reverseFunnel } from '../../../../src/core/metrics'
import { mixedPipeline } from '../../../fixtures/metrics'
import { dashCtx, oppRecords, widget } from '../../../fixtures/dashboard'
import type { WidgetDef } from '../../../../src/core/schema/types'

function ok<T>(result: WidgetResult): T {
  if (result.status !== 'ok') throw new Error(`needs config: ${JSON.stringify(result.problems)}`)
  return result.data as T
}
const chart = (type: 'bar' | 'column' | 'line' | 'area' | 'pie' | 'donut', config: Record<string, unknown>, values = {}) =>
  ok<ChartData>(computeWidget(widget(type, { formId: 'opps', ...config }), dashCtx({ filterValues: values })))
const valuesOf = (c: ChartData, s = 0) => Object.fromEntries(c.categories.map((cat, i) => [cat.key, c.series[s]?.values[i]]))

describe('dashboard/compute-records', () => {
  describe('computeWidget charts', () => {
    it.each(['bar', 'column', 'line', 'area', 'pie', 'donut'] as const)('should count records per option of a select field (%s)', (type) => {
      const c = chart(type, { dimension: { field: 'source' } })
      expect(c.categories.map(x => x.key)).toEqual(['web', 'fair'])
      expect(c.series[0]?.values).toEqual([5, 4])
      expect(c.type).toBe(type)
    })

    it('should sum a money field and read as money', () => {
      const c = chart('column', { dimension: { field: 'source' }, measure: { fn: 'sum', field: 'amount' } })
      expect(c.series[0]?.values).toEqual([550, 1250])
      expect(c.format).toBe('money')
      // the money field's currency (CNY when unset) travels with the data: axes and tooltips write ¥
      expect(c.currency).toBe('CNY')
      expect(chart('column', { dimension: { field: 'source' } }).currency).toBeUndefined()
    })

    it('should carry the amount field\'s currency on every money widget (pipeline by stage, KPI, funnel by amount, pivot, target)', () => {
      expect(chart('column', { stageMetric: { kind: 'pipelineByStage', stageField: 'stage', amountField: 'amount' } }).currency).toBe('CNY')
      const data = (type: WidgetDef['type'], config: Record<string, unknown>) => ok<{ currency?: string }>(computeWidget(widget(type, { formId: 'opps', ...config }), dashCtx()))
      expect(data('kpi', { metric: 'salesVelocity', stageField: 'stage', amountField: 'amount' }).currency).toBe('CNY')
      expect(data('kpi', { metric: 'measure', measure: { fn: 'sum', field: 'amount' } }).currency).toBe('CNY')
      expect(data('kpi', { metric: 'winRate', stageField: 'stage' }).currency).toBeUndefined()
      expect(data('funnel', { stageField: 'stage', value: 'amount', amountField: 'amount' }).currency).toBe('CNY')
      expect(data('funnel', { stageField: 'stage', value: 'count', amountField: 'amount' }).currency).toBeUndefined()
      expect(data('pivot', { rows: { field: 'source' }, columns: { field: 'owner' }, measure: { fn: 'sum', field: 'amount' } }).currency).toBe('CNY')
    })

    it('should split into one series per owner', () => {
      const c = chart('column', { dimension: { field: 'source' }, series: { field: 'owner' } })
      const byOwner = Object.fromEntries(c.series.map(s => [s.key, s.values]))
      expect(byOwner).toEqual({ m1: [2, 3], m2: [3, 1] })
      expect(c.series.map(s => s.label).sort()).toEqual(['Li', '张三'])
    })

    it('should bucket a date dimension by month', () => {
      const c = chart('line', { dimension: { field: 'signed', bucket: 'month' } })
      expect(valuesOf(c)).toEqual({ '2024-05': 4, '2024-06': 5 })
    })

    it('should sort by value and keep the top N', () => {
      const c = chart('bar', { dimension: { field: 'source' }, measure: { fn: 'sum', field: 'amount' }, sort: 'valueDesc', topN: 1 })
      expect(c.categories.map(x => x.key)).toEqual(['fair'])
    })

    it('should follow the dashboard filters', () => {
      expect(valuesOf(chart('pie', { dimension: { field: 'source' } }, { owner: ['m2'] }))).toEqual({ web: 3, fair: 1 })
    })
  })

  describe('computeWidget stage-metric charts', () => {
    it('should count lost deals by reason and by stage lost from', () => {
      expect(valuesOf(chart('pie', { stageMetric: { kind: 'lossReasons', stageField: 'stage' } }))).toEqual({ price: 2, timing: 1 })
      const stages = chart('bar', { stageMetric: { kind: 'lossStages', stageField: 'stage' } })
      expect(valuesOf(stages)).toEqual({ s1: 1, s2: 1, s3: 0, null: 1 })
    })

    it('should give the win rate per lead source', () => {
      const c = chart('bar', { dimension: { field: 'source' }, stageMetric: { kind: 'winRateBy', stageField: 'stage' } })
      expect(valuesOf(c)).toEqual({ web: 2 / 3, fair: 1 / 3 })
      expect(c.format).toBe('percent')
    })

    it('should give median days in each stage, completed stays apart from open ones', () => {
      const c = chart('column', { stageMetric: { kind: 'timeInStage', stageField: 'stage' } })
      expect(c.categories.map(x => x.key)).toEqual(['s1', 's2', 's3'])
      expect(c.series.map(s => s.key)).toEqual(['completed', 'open'])
      expect(c.format).toBe('days')
      expect(c.series[0]?.values.every(v => v === null || v >= 0)).toBe(true)
    })

    it('should say how many completed visits each stage rests on and cut the axis where open visits would dwarf it', () => {
      const c = chart('bar', { stageMetric: { kind: 'timeInStage', stageField: 'stage', stat: 'mean' } })
      expect(c.categories.map(x => (x.label as Record<string, string>).en)).toEqual(['Stage s1\n(6 visits)', 'Stage s2\n(4 visits)', 'Stage s3\n(3 visits)'])
      expect((c.categories[0]?.label as Record<string, string>)['zh-CN']).toBe('阶段s1\n（6 次）')
      // mean completed days: s1 (2+3+1+1+1+2)/6, s2 (3+2+2+5)/4, s3 (5+5+2)/3
      expect(c.series[0]?.values).toEqual([10 / 6, 3, 4])
      // open visits date from 1970 while now is 2024: they are cut at 1.5 x the longest completed figure
      expect(c.series[1]?.values.map(v => v !== null && v > 19_000)).toEqual([true, true, false])
      expect(c.valueCap).toBe(6)
    })

    it('should not cut the axis when open visits are comparable to completed ones', () => {
      const recent = chart('bar', { stageMetric: { kind: 'timeInStage', stageField: 'stage' } }, {})
      const ctxNow = computeWidget(widget('bar', { formId: 'opps', stageMetric: { kind: 'timeInStage', stageField: 'stage' } }), dashCtx({ now: 12 * 86_400_000 }))
      expect(recent.valueCap).toBeDefined()
      expect(ctxNow.status === 'ok' && 'valueCap' in ctxNow.data ? ctxNow.data.valueCap : undefined).toBeUndefined()
    })

    it('should give open and weighted pipeline per stage', () => {
      const c = chart('column', { stageMetric: { kind: 'pipelineByStage', stageField: 'stage', amountField: 'amount' } })
      expect(valuesOf(c, 1)).toEqual({ s1: 6, s2: 25, s3: 0 })
    })
  })

  describe('computeWidget table', () => {
    it('should show sorted records cut to the limit, with the total before the cut', () => {
      const t = ok<TableData>(computeWidget(widget('table', { formId: 'opps', columns: ['title', 'amount'], sort: [{ field: 'amount', dir: 'desc' }], limit: 3 }), dashCtx()))
      expect(t.rows.map(r => r.id)).toEqual(['I', 'E', 'B'])
      expect(t.rows.map(r => r.cells[0])).toEqual(['Deal I', 'Deal E', 'Deal B'])
      expect(t.total).toBe(9)
    })

    it('should list stalled deals, longest first, with their days and limit', () => {
      const t = ok<TableData>(computeWidget(widget('table', { formId: 'opps', preset: 'stalled', stageField: 'stage', columns: ['title'] }), dashCtx()))
      expect(t.rows.map(r => r.id)).toEqual(['H', 'C'])
      expect(t.columns.map(c => c.field)).toEqual(['title', 'stage', '_stalledDays', '_stalledLimit'])
      expect(t.rows[0]?.cells[3]).toBe('7')
    })
  })

  describe('computeWidget pivot', () => {
    it('should cross source and owner with row, column and grand totals', () => {
      const p = ok<PivotData>(computeWidget(widget('pivot', { formId: 'opps', rows: { field: 'source' }, columns: { field: 'owner' } }), dashCtx()))
      const col = (k: string) => p.columns.findIndex(c => c.key === k)
      expect(p.rows.map(r => r.key)).toEqual(['web', 'fair'])
      expect([p.cells[0]?.[col('m1')], p.cells[0]?.[col('m2')], p.cells[1]?.[col('m1')], p.cells[1]?.[col('m2')]]).toEqual([2, 3, 3, 1])
      expect(p.rowTotals).toEqual([5, 4])
      expect(p.total).toBe(9)
    })
  })

  describe('computeWidget targetProgress', () => {
    const config = {
      formId: 'opps', filter: { and: [{ field: 'stage', op: 'in', value: ['won'] }] }, measure: { fn: 'sum', field: 'amount' }, dateField: 'signed', ownerField: 'owner',
      targets: { formId: 'targets', amountField: 'goal', ownerField: 'who', monthField: 'month' },
    }
    it('should compare won amount with the targets per owner', () => {
      const t = ok<TargetProgressData>(computeWidget(widget('targetProgress', config), dashCtx()))
      expect(t.items.map(i => [i.key, i.target, i.actual])).toEqual([['m1', 700, 600], ['m2', 200, 0]])
      expect(t.total).toMatchObject({ target: 900, actual: 600, progress: 600 / 900 })
    })

    it('should compare only the months the date filter picks, and per month when asked', () => {
      const june = { date: { preset: 'custom' as const, from: '2024-06-01', to: '2024-06-30' } }
      const t = ok<TargetProgressData>(computeWidget(widget('targetProgress', config), dashCtx({ filterValues: june })))
      expect(t.items.map(i => [i.key, i.target, i.actual])).toEqual([['m1', 400, 300], ['m2', 100, 0]])
      const m = ok<TargetProgressData>(computeWidget(widget('targetProgress', { ...config, by: 'month' }), dashCtx()))
      expect(m.items.map(i => [i.key, i.target, i.actual])).toEqual([['2024-05', 400, 300], ['2024-06', 500, 300]])
    })
  })

  describe('computeWidget reverseFunnel', () => {
    it('should give the records needed per stage for the goal, as core does', () => {
      const r = ok<ReverseFunnelData>(computeWidget(widget('reverseFunnel', { formId: 'opps', stageField: 'stage', amountField: 'amount', goal: 1000 }), dashCtx()))
      const { events, field } = mixedPipeline()
      const core = reverseFunnel({ records: oppRecords(), events, field, options: { amountField: 'amount' } }, 1000)
      expect(r.wonNeeded).toBe(5)
      expect(r.steps.map(s => s.needed)).toEqual(core.steps.map(s => s.needed))
    })
  })

  describe('computeWidget text and heading', () => {
    it('should pass the text through and ask for one when empty', () => {
      expect(ok<TextData>(computeWidget(widget('heading', { text: { 'zh-CN': '本月', 'en': 'This month' } }), dashCtx())).text).toEqual({ 'zh-CN': '本月', 'en': 'This month' })
      expect(computeWidget(widget('text', {}), dashCtx())).toEqual({ status: 'needsConfig', problems: [{ key: 'text', reason: 'missing' }] })
    })
  })

  describe('computeWidget needs configuration', () => {
    it('should name a deleted form, a deleted field and a field of the wrong type', () => {
      expect(computeWidget(widget('funnel', { formId: 'gone', stageField: 'stage' }), dashCtx())).toEqual({ status: 'needsConfig', problems: [{ key: 'formId', reason: 'deletedForm', id: 'gone' }] })
      expect(computeWidget(widget('bar', { formId: 'opps', dimension: { field: 'nope' } }), dashCtx())).toMatchObject({ status: 'needsConfig', problems: [{ key: 'dimension.field', reason: 'deletedField', id: 'nope' }] })
      expect(computeWidget(widget('conversion', { formId: 'opps', stageField: 'amount' }), dashCtx())).toMatchObject({ problems: [{ key: 'stageField', reason: 'wrongFieldType', expected: ['stage'] }] })
    })

    it('should list everything missing in a new widget', () => {
      const r = computeWidget(widget('targetProgress', { formId: 'opps' }), dashCtx())
      expect(r.status === 'needsConfig' && r.problems.map(p => p.key)).toEqual(['dateField', 'ownerField', 'targets.formId'])
    })

    it('should answer needsConfig for every type pointed at a deleted form, never throw', () => {
      for (const type of ['funnel', 'conversion', 'kpi', 'bar', 'column', 'line', 'area', 'pie', 'donut', 'table', 'pivot', 'targetProgress', 'reverseFunnel'] as const) {
        expect(computeWidget(widget(type, { formId: 'gone' }), dashCtx()).status, type).toBe('needsConfig')
      }
    })
  })
})

import { describe, expect, it } from 'vitest'
import type { ChartData, DashboardContext, FunnelData } from '../../../../src/core/dashboard'
import { computeWidget, drillTarget } from '../../../../src/core/dashboard'
import { compileFilter } from '../../../../src/core/query'
import type { Filter, FilterNode } from '../../../../src/core/schema/filter'
import { dashCtx, oppForm, oppRecords, widget } from '../../../fixtures/dashboard'

/** The conditions of an `and` filter. */
function andOf(filter: Filter | undefined): FilterNode[] {
  return filter && 'and' in filter ? filter.and : []
}

/** Ids of the fixture records a drill filter selects, as the grid would. */
function selected(filter: unknown, ctx = dashCtx()): string[] {
  const keep = compileFilter(filter, oppForm().fields, { now: ctx.now })
  return oppRecords().filter(keep).map(r => r.id)
}

describe('dashboard/drill', () => {
  describe('drillTarget funnel layer', () => {
    it.each(['cumulative', 'strict', 'snapshot'] as const)('should select exactly the records each %s layer counts', (mode) => {
      for (const values of [{}, { source: ['web'] }, { date: { preset: 'custom' as const, from: '2024-06-01', to: '2024-06-30' } }] as DashboardContext['filterValues'][]) {
        const ctx = dashCtx({ filterValues: values })
        const w = widget('funnel', { formId: 'opps', stageField: 'stage', mode })
        const data = computeWidget(w, ctx)
        if (data.status !== 'ok') throw new Error('no data')
        for (const layer of (data.data as FunnelData).layers) {
          const t = drillTarget(w, { kind: 'layer', stageId: layer.stageId }, ctx)
          if (layer.count === 0) {
            expect(t).toBeUndefined()
            continue
          }
          expect(t?.formId).toBe('opps')
          expect(selected(t?.filter, ctx)).toHaveLength(layer.count)
        }
      }
    })

    it('should list the won deals for the won layer', () => {
      const t = drillTarget(widget('funnel', { formId: 'opps', stageField: 'stage' }), { kind: 'layer', stageId: 'won' }, dashCtx())
      expect(selected(t?.filter).sort()).toEqual(['A', 'B', 'E'])
    })
  })

  describe('drillTarget chart category', () => {
    it('should select a bar with a field condition plus the dashboard filters', () => {
      const ctx = dashCtx({ filterValues: { owner: ['m2'] } })
      const t = drillTarget(widget('bar', { formId: 'opps', dimension: { field: 'source' } }), { kind: 'category', key: 'web' }, ctx)
      expect(andOf(t?.filter)).toContainEqual({ field: 'source', op: 'in', value: ['web'] })
      expect(andOf(t?.filter)).toContainEqual({ field: 'owner', op: 'in', value: ['m2'] })
      expect(selected(t?.filter).sort()).toEqual(['C', 'D', 'H'])
      expect(t?.count).toBe(3)
    })

    it('should select a month bucket with a date range equal to the chart value', () => {
      const w = widget('column', { formId: 'opps', dimension: { field: 'signed', bucket: 'month' } })
      const data = computeWidget(w, dashCtx())
      const june = (data.status === 'ok' ? (data.data as ChartData) : undefined)!.series[0]!.values[1]
      const t = drillTarget(w, { kind: 'category', key: '2024-06' }, dashCtx())
      expect(andOf(t?.filter)).toContainEqual({ field: 'signed', op: 'between', value: ['2024-06-01', '2024-06-30'] })
      expect(selected(t?.filter)).toHaveLength(june!)
    })

    it('should narrow to one series of a split chart', () => {
      const w = widget('column', { formId: 'opps', dimension: { field: 'source' }, series: { field: 'owner' } })
      const t = drillTarget(w, { kind: 'category', key: 'fair', seriesKey: 'm1' }, dashCtx())
      expect(selected(t?.filter).sort()).toEqual(['B', 'G', 'I'])
    })

    it('should select the lost deals of one loss reason', () => {
      const w = widget('pie', { formId: 'opps', stageMetric: { kind: 'lossReasons', stageField: 'stage' } })
      expect(selected(drillTarget(w, { kind: 'category', key: 'price' }, dashCtx())?.filter).sort()).toEqual(['D', 'G'])
    })

    it('should have nothing behind a time-in-stage bar or an unknown category', () => {
      expect(drillTarget(widget('column', { formId: 'opps', stageMetric: { kind: 'timeInStage', stageField: 'stage' } }), { kind: 'category', key: 's1' }, dashCtx())).toBeUndefined()
      expect(drillTarget(widget('bar', { formId: 'opps', dimension: { field: 'source' } }), { kind: 'category', key: 'nope' }, dashCtx())).toBeUndefined()
    })
  })
})

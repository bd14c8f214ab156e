import { describe, expect, it } from 'vitest'
import type { ChartData, DashboardContext, FunnelData } from '../../../../src/core/dashboard'
import { winRate } from '../../../../src/core/metrics'
import { cachedSummary, computeWidget } from '../../../../src/core/dashboard'
import type { FieldOf, RecordRow } from '../../../../src/core/schema/types'
import { applyRecordChanges } from '../../../../src/core/records/apply-changes'
import { dashCtx, widget } from '../../../fixtures/dashboard'

const funnelWidget = widget('funnel', { formId: 'opps', stageField: 'stage', amountField: 'amount' })

function layers(ctx: DashboardContext): [string, number, number][] {
  const r = computeWidget(funnelWidget, ctx)
  if (r.status !== 'ok') throw new Error('needs config')
  return (r.data as FunnelData).layers.map(l => [l.stageId, l.count, l.amount])
}

/** A context whose record array is edited in place, as the records store does, with a version bumped per write. */
function liveCtx() {
  const base = dashCtx()
  const rows = [...base.records.opps!] as RecordRow[]
  const byId = new Map(rows.map(r => [r.id, r]))
  const state = { version: 1 }
  const ctx = (): DashboardContext => ({ ...base, records: { ...base.records, opps: rows }, dataVersion: state.version })
  const write = (put: RecordRow[]): void => {
    applyRecordChanges(rows, byId, { put })
    state.version++
  }
  return { base, rows, byId, ctx, write, field: base.forms[0]!.fields.find(f => f.id === 'stage') as FieldOf<'stage'> }
}

describe('dashboard/stage-input', () => {
  describe('cachedSummary', () => {
    it('should reuse one summary for the same arrays and version, and build a new one when the version changes', () => {
      const { rows, ctx, field } = liveCtx()
      const events = ctx().events.opps!
      const a = cachedSummary(rows, events, field, 1)
      expect(cachedSummary(rows, events, field, 1)).toBe(a)
      expect(cachedSummary(rows, events, field, 2)).not.toBe(a)
    })

    it('should build a new summary when a record is appended to the same array, even without a version', () => {
      const { rows, ctx, field } = liveCtx()
      const events = ctx().events.opps!
      const a = cachedSummary(rows, events, field)
      rows.push({ id: 'Z', values: { stage: 's1' }, createdAt: 0, updatedAt: 0, rev: 1 })
      const b = cachedSummary(rows, events, field)
      expect(b).not.toBe(a)
      expect(b.count).toBe(rows.length)
    })
  })

  describe('computeWidget over the cached summary', () => {
    it('should show an in-place stage edit once the data version changes', () => {
      const { rows, byId, ctx, write } = liveCtx()
      const before = layers(ctx())
      expect(before[before.length - 1]).toEqual(['won', 3, 600])
      // H (open in s1, amount 20) is won: replaced in place in the same array, as the store writes
      const h = byId.get('H')!
      write([{ ...h, values: { ...h.values, stage: 'won' }, rev: h.rev + 1 }])
      expect(rows.length).toBe(before[0]![1] + 1) // same array, same length (I has no stage)
      const after = layers(ctx())
      expect(after[after.length - 1]).toEqual(['won', 4, 620])
    })

    it('should show an in-place amount edit once the data version changes', () => {
      const { byId, ctx, write } = liveCtx()
      expect(layers(ctx())[0]).toEqual(['s1', 8, 800])
      const a = byId.get('A')!
      write([{ ...a, values: { ...a.values, amount: 1100 }, rev: a.rev + 1 }])
      expect(layers(ctx())[0]).toEqual(['s1', 8, 1800])
    })

    it('should give the win rate per source under an owner filter as core winRate over those records', () => {
      const { ctx, rows, field } = liveCtx()
      const c = computeWidget(widget('bar', { formId: 'opps', dimension: { field: 'source' }, stageMetric: { kind: 'winRateBy', stageField: 'stage' } }), { ...ctx(), filterValues: { owner: ['m1'] } })
      if (c.status !== 'ok') throw new Error('needs config')
      const data = c.data as ChartData
      const got = Object.fromEntries(data.categories.map((k, i) => [k.key, data.series[0]!.values[i]]))
      const want = (source: string) => winRate({ records: rows, events: ctx().events.opps!, field, options: { where: r => r.values.owner === 'm1' && r.values.source === source } }).rate
      expect(got).toEqual({ web: want('web'), fair: want('fair') })
      expect(got).toEqual({ web: 1, fair: 1 / 2 })
    })

    it('should recompute populations when a dashboard filter changes while the data stays cached', () => {
      const { ctx } = liveCtx()
      const all = layers(ctx())
      const m1 = layers({ ...ctx(), filterValues: { owner: ['m1'] } })
      expect(m1[0]![1]).toBeLessThan(all[0]![1])
      expect(layers(ctx())).toEqual(all)
    })
  })
})

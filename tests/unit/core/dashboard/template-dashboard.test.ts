import { describe, expect, it } from 'vitest'
import type { ChartData, DashboardContext, FunnelData, KpiData, TableData, TargetProgressData } from '../../../../src/core/dashboard'
import { computeWidget, dayToText, drillTarget } from '../../../../src/core/dashboard'
import { cumulativeFunnel } from '../../../../src/core/metrics'
import { compileFilter } from '../../../../src/core/query'
import type { ChangeEntry, FieldOf, RecordRow, StageEvent } from '../../../../src/core/schema/types'
import { planTemplateInstall } from '../../../../src/core/template/install'
import { members, NOW, salesTemplate } from '../../../fixtures/template'
import { widget } from '../../../fixtures/dashboard'

describe('dashboard/template sales dashboard', () => {
  const team = members(4)
  const plan = planTemplateInstall(salesTemplate(), { withDemo: true, now: NOW, members: team })
  const dash = plan.bundle.dashboards[0]!
  const events: Record<string, StageEvent[]> = {}
  for (const e of plan.stageEvents) (events[e.formId] ??= []).push(e)
  const ctx = (filterValues: DashboardContext['filterValues'] = {}): DashboardContext => ({
    forms: plan.bundle.forms, records: plan.records, events, members: team, filters: dash.filters ?? [], filterValues, now: NOW,
  })
  const byTitle = (en: string) => dash.widgets.find(w => typeof w.title === 'object' && w.title.en === en)!

  it('should install one dashboard whose every widget computes with data after the ids are re-pointed', () => {
    expect(plan.bundle.app.dashboardIds).toEqual([dash.id])
    expect(dash.widgets).toHaveLength(14)
    for (const w of dash.widgets) {
      const r = computeWidget(w, ctx())
      expect(r.status, JSON.stringify(w.title)).toBe('ok')
      if (r.status !== 'ok') continue
      const d = r.data
      if (d.type === 'kpi') expect((d as KpiData).value, w.id).not.toBeNull()
      if (d.type === 'funnel') expect((d as FunnelData).layers[0]!.count).toBeGreaterThan(100)
      if (d.type === 'table') expect((d as TableData).rows.length).toBeGreaterThan(0)
      if (d.type === 'targetProgress') expect((d as TargetProgressData).total.target).toBeGreaterThan(0)
      if ('series' in d) expect((d as ChartData).series.flatMap(s => s.values).some(v => v !== null && v > 0), w.id).toBe(true)
    }
  })

  it('should list the open demo deals with the highest 线索评分 first in 最有潜力的线索', () => {
    const r = computeWidget(byTitle('Most promising leads'), ctx())
    if (r.status !== 'ok' || r.data.type !== 'table') throw new Error('promising leads did not compute')
    const opp = plan.bundle.forms.find(f => f.fields.some(x => x.type === 'stage'))!
    const stage = opp.fields.find(x => x.type === 'stage') as FieldOf<'stage'>
    const open = new Set(stage.options.stages.filter(s => s.kind === 'open').map(s => s.id))
    const best = plan.records[opp.id]!.filter(x => open.has(x.values.f_opp_stage as string)).map(x => x.values.f_opp_score as number).sort((a, b) => b - a).slice(0, 10)
    const byId = new Map(plan.records[opp.id]!.map(x => [x.id, x]))
    expect(r.data.rows.map(row => byId.get(row.id)!.values.f_opp_score)).toEqual(best)
    expect(r.data.rows.every(row => open.has(byId.get(row.id)!.values.f_opp_stage as string))).toBe(true)
    expect(best[0]).toBeGreaterThan(best.at(-1)!)
  })

  it('should give the forecast\'s category totals of the demo deals as summed by hand', () => {
    const r = computeWidget(byTitle('Forecast'), ctx())
    if (r.status !== 'ok' || r.data.type !== 'forecast') throw new Error('forecast did not compute')
    const opp = plan.bundle.forms.find(f => f.fields.some(x => x.type === 'stage'))!
    const sums: Record<string, number> = { closed: 0, commit: 0, bestCase: 0, pipeline: 0 }
    for (const rec of plan.records[opp.id]!) {
      const v = rec.values
      if (v.f_opp_stage === 'stage_lost') continue
      const won = v.f_opp_stage === 'stage_won'
      if (!(won ? v.f_opp_closed_date : v.f_opp_expected_close)) continue
      sums[won ? 'closed' : v.f_opp_forecast as string]! += (v.f_opp_amount as number | undefined) ?? 0
    }
    expect(Object.fromEntries(r.data.stack.map(c => [c.key, c.amount]))).toEqual(sums)
    expect(Object.values(sums).every(x => x > 0)).toBe(true)
    expect(r.data.months.some(m => m.target !== null && m.target > 0)).toBe(true)
  })

  it('should give the funnel core\'s numbers for a date filter on the creation date', () => {
    const funnel = byTitle('Sales funnel')
    const opp = plan.bundle.forms.find(f => f.fields.some(x => x.type === 'stage'))!
    const stage = opp.fields.find(x => x.type === 'stage') as FieldOf<'stage'>
    const values = { [dash.filters![0]!.id]: { preset: 'custom' as const, from: '2025-01-01', to: '2025-03-31' } }
    const r = computeWidget(funnel, ctx(values))
    const from = new Date(2025, 0, 1).getTime()
    const to = new Date(2025, 3, 1).getTime()
    const core = cumulativeFunnel({ records: plan.records[opp.id]!, events: events[opp.id]!, field: stage, options: { where: (x: RecordRow) => x.createdAt >= from && x.createdAt < to } })
    expect(r.status === 'ok' && (r.data as FunnelData).layers.map(l => l.count)).toEqual(core.steps.map(s => s.count))
    const all = computeWidget(funnel, ctx())
    expect(all.status === 'ok' && (all.data as FunnelData).layers[0]!.count).toBeGreaterThan(core.steps[0]!.count)
    const t = drillTarget(funnel, { kind: 'layer', stageId: core.steps[1]!.stageId }, ctx(values))!
    const keep = compileFilter(t.filter, opp.fields, { now: NOW })
    expect(plan.records[opp.id]!.filter(keep)).toHaveLength(core.steps[1]!.count)
  })
})

describe('dashboard/template pipeline waterfall', () => {
  const team = members(4)
  const plan = planTemplateInstall(salesTemplate(), { withDemo: true, now: NOW, members: team })
  const events: Record<string, StageEvent[]> = {}
  for (const e of plan.stageEvents) (events[e.formId] ??= []).push(e)
  const opp = plan.bundle.forms.find(f => f.fields.some(x => x.type === 'stage'))!
  const ctx: DashboardContext = { forms: plan.bundle.forms, records: plan.records, events, members: team, filters: [], filterValues: {}, now: NOW }
  const day = (ms: number) => dayToText(Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / 86_400_000))
  const config = (value: 'count' | 'amount', extra = {}) => ({ formId: opp.id, stageField: 'f_opp_stage', amountField: 'f_opp_amount', value, from: day(NOW - 120 * 86_400_000), to: day(NOW - 30 * 86_400_000), ...extra })

  it('should sum its bars exactly from start to end on the demo data, by count and by amount', () => {
    for (const value of ['count', 'amount'] as const) {
      const r = computeWidget(widget('waterfall', config(value)), ctx)
      if (r.status !== 'ok' || r.data.type !== 'waterfall') throw new Error(JSON.stringify(r))
      const bars = r.data.bars
      expect(bars[0]!.value).toBeGreaterThan(0)
      const sum = bars.slice(0, -1).reduce((t, b) => t + b.value, 0)
      if (value === 'count') expect(sum).toBe(bars.at(-1)!.value)
      else expect(sum).toBeCloseTo(bars.at(-1)!.value, 6)
      expect(bars.map(b => b.key)).toEqual(value === 'count'
        ? ['start', 'created', 'pulledIn', 'pushedOut', 'won', 'lost', 'end']
        : ['start', 'created', 'pulledIn', 'pushedOut', 'amountChange', 'won', 'lost', 'end'])
    }
  })

  it('should take its window from the dashboard date filter without keeping only the deals created in it', () => {
    const dated: DashboardContext = { ...ctx, filters: [{ id: 'd', kind: 'dateRange', targets: [{ formId: opp.id, field: 'f_opp_created' }] }], filterValues: { d: { preset: 'custom', from: config('count').from, to: config('count').to } } }
    const own = computeWidget(widget('waterfall', config('count')), ctx)
    const byFilter = computeWidget(widget('waterfall', { ...config('count'), from: undefined, to: undefined }), dated)
    expect(byFilter).toEqual(own)
  })

  it('should drill a bar to exactly its deals', () => {
    const w = widget('waterfall', config('count'))
    const r = computeWidget(w, ctx)
    if (r.status !== 'ok' || r.data.type !== 'waterfall') throw new Error('no data')
    for (const b of r.data.bars) {
      const t = drillTarget(w, { kind: 'category', key: b.key }, ctx)
      expect(t?.count ?? 0, b.key).toBe(b.count)
    }
  })

  it('should take amount changes from the form\'s change log: a deal open at the start edited in the window is in the ± bar with its exact difference', () => {
    const from = new Date(`${config('amount').from}T00:00:00`).getTime()
    const to = new Date(`${config('amount').to}T00:00:00`).getTime() + 86_400_000
    const w = widget('waterfall', config('amount'))
    const before = computeWidget(w, ctx)
    if (before.status !== 'ok' || before.data.type !== 'waterfall') throw new Error('no data')
    expect(before.data.bars.find(b => b.key === 'amountChange')).toMatchObject({ count: 0, amount: 0 })
    // a deal in the start bar, its amount raised by 12,345 halfway through the window
    const idsOf = (t: ReturnType<typeof drillTarget>) => (t && 'and' in t.filter ? (t.filter.and[0] as { value: string[] }).value : undefined)
    const startIds = idsOf(drillTarget(w, { kind: 'category', key: 'start' }, ctx))!
    const deal = plan.records[opp.id]!.find(r => r.id === startIds[0])!
    const old = deal.values.f_opp_amount as number
    const edited = { ...deal, values: { ...deal.values, f_opp_amount: old + 12_345 } }
    const records = { ...plan.records, [opp.id]: plan.records[opp.id]!.map(r => (r.id === deal.id ? edited : r)) }
    const at = Math.round((from + to) / 2)
    const changes: ChangeEntry[] = [
      { id: 'c1', formId: opp.id, recordId: deal.id, at, kind: 'update', changes: [{ field: 'f_opp_amount', from: old, to: old + 12_345 }] },
      // after the window: the amount at its end is the one before this edit
      { id: 'c2', formId: opp.id, recordId: deal.id, at: to + 86_400_000, kind: 'update', changes: [{ field: 'f_opp_amount', from: old + 12_345, to: old + 12_345 }] },
    ]
    const withLog: DashboardContext = { ...ctx, records, fieldChanges: { [opp.id]: { f_opp_amount: changes } } }
    const after = computeWidget(w, withLog)
    if (after.status !== 'ok' || after.data.type !== 'waterfall') throw new Error('no data')
    const bar = (key: string) => after.data.type === 'waterfall' ? after.data.bars.find(b => b.key === key)! : undefined
    expect(bar('amountChange')).toMatchObject({ count: 1, amount: 12_345, value: 12_345 })
    // the start keeps the amount of then; the bars still sum exactly
    expect(bar('start')!.amount).toBe(before.data.bars[0]!.amount)
    const sum = after.data.bars.slice(0, -1).reduce((t, b) => t + b.value, 0)
    expect(sum).toBeCloseTo(bar('end')!.value, 6)
    expect(idsOf(drillTarget(w, { kind: 'category', key: 'amountChange' }, withLog))).toEqual([deal.id])
    // by count the bar is left out and the counts are those without the log
    const counts = (c: DashboardContext) => {
      const r = computeWidget(widget('waterfall', config('count')), c)
      return r.status === 'ok' && r.data.type === 'waterfall' ? r.data.bars.map(b => [b.key, b.value]) : r
    }
    expect(counts(withLog)).toEqual(counts({ ...ctx, records }))
  })

  it('should name the end day when it is before the start day, and the rest of the dashboard still computes', () => {
    const r = computeWidget(widget('waterfall', config('count', { from: '2025-03-01', to: '2025-02-01' })), ctx)
    expect(r).toEqual({ status: 'needsConfig', problems: [{ key: 'to', reason: 'endBeforeStart', id: '2025-03-01 > 2025-02-01' }] })
    expect(computeWidget(widget('funnel', { formId: opp.id, stageField: 'f_opp_stage' }), ctx).status).toBe('ok')
  })
})

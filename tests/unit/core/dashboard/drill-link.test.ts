import { describe, expect, it } from 'vitest'
import type { DashboardDef, RecordRow, StageEvent } from '../../../../src/core/schema/types'
import { drillLinkText, drillTarget, parseDrillLink, resolveDrillLink } from '../../../../src/core/dashboard'
import { compileFilter } from '../../../../src/core/query'
import { dashCtx, oppForm, oppRecords, widget } from '../../../fixtures/dashboard'

const funnel = widget('funnel', { formId: 'opps', stageField: 'stage' }, 'wf')
const dash: DashboardDef = { schemaVersion: 1, id: 'd1', appId: 'crm', name: '看板', widgets: [funnel], createdAt: 0, updatedAt: 0 } as DashboardDef

/** The fixture's records and events copied `n` times under new ids. */
function many(n: number) {
  const base = dashCtx()
  const records: RecordRow[] = []
  const events: StageEvent[] = []
  for (let k = 0; k < n; k++) {
    for (const r of oppRecords()) records.push({ ...r, id: `${r.id}-${k}` })
    for (const e of (base.events.opps ?? []) as StageEvent[]) events.push({ ...e, id: `${e.id}-${k}`, recordId: `${e.recordId}-${k}` })
  }
  return dashCtx({ records: { opps: records }, events: { opps: events } })
}

describe('dashboard/drill-link', () => {
  it('should link a funnel layer of over 3,000 records in a few hundred characters and resolve to the same records', () => {
    const ctx = many(1000)
    const point = { kind: 'layer' as const, stageId: 's2' }
    const direct = drillTarget(funnel, point, ctx)!
    expect(direct.byIds).toBe(true)
    expect(direct.count).toBeGreaterThan(3000)
    const text = drillLinkText({ dashboardId: 'd1', widgetId: 'wf', point, filterValues: { owner: ['m1'], source: undefined } })
    expect(encodeURIComponent(text).length).toBeLessThan(300)
    const link = parseDrillLink(text)!
    expect(link.filterValues).toEqual({ owner: ['m1'] })
    link.filterValues = {}
    const got = resolveDrillLink(link, dash, ctx)
    expect(got.ok).toBe(true)
    if (!got.ok) return
    const keep = compileFilter(got.target.filter, oppForm().fields, { now: ctx.now })
    expect(ctx.records.opps!.filter(keep)).toHaveLength(direct.count)
  })

  it('should apply the link\'s own filter values, not the session\'s', () => {
    const point = { kind: 'layer' as const, stageId: 's1' }
    const link = parseDrillLink(drillLinkText({ dashboardId: 'd1', widgetId: 'wf', point, filterValues: { source: ['web'] } }))!
    const got = resolveDrillLink(link, dash, dashCtx({ filterValues: link.filterValues }))
    const all = resolveDrillLink(link, dash, dashCtx())
    expect(got.ok && all.ok && got.target.count < all.target.count).toBe(true)
    expect(got.ok && got.target.count).toBe(drillTarget(funnel, point, dashCtx({ filterValues: { source: ['web'] } }))!.count)
  })

  it('should keep a chart category\'s field filter (no ids to carry)', () => {
    const t = drillTarget(widget('bar', { formId: 'opps', dimension: { field: 'source' } }), { kind: 'category', key: 'web' }, dashCtx())
    expect(t?.byIds).toBe(false)
  })

  it('should say a deleted widget is missing and a layer with no records now is empty', () => {
    const link = { dashboardId: 'd1', widgetId: 'gone', point: { kind: 'layer' as const, stageId: 's1' }, filterValues: {} }
    expect(resolveDrillLink(link, dash, dashCtx())).toEqual({ ok: false, reason: 'missing' })
    expect(resolveDrillLink(link, undefined, dashCtx())).toEqual({ ok: false, reason: 'missing' })
    expect(resolveDrillLink({ ...link, widgetId: 'wf' }, dash, dashCtx({ records: { opps: [] }, events: { opps: [] } }))).toEqual({ ok: false, reason: 'empty' })
  })

  it.each([
    ['not json', '{d:'],
    ['no point', JSON.stringify({ d: 'd1', w: 'wf' })],
    ['bad point kind', JSON.stringify({ d: 'd1', w: 'wf', p: { kind: 'slice', key: 'x' } })],
    ['number key', JSON.stringify({ d: 'd1', w: 'wf', p: { kind: 'category', key: 3 } })],
    ['unknown date preset', JSON.stringify({ d: 'd1', w: 'wf', p: { kind: 'layer', stageId: 's1' }, v: { date: { preset: 'forever' } } })],
    ['member ids not text', JSON.stringify({ d: 'd1', w: 'wf', p: { kind: 'layer', stageId: 's1' }, v: { owner: [1] } })],
  ])('should refuse a link with %s', (_, raw) => {
    expect(parseDrillLink(raw)).toBeUndefined()
  })

  it('should read a category point with its series and a custom date range', () => {
    const raw = JSON.stringify({ d: 'd1', w: 'wf', p: { kind: 'category', key: null, seriesKey: 'web' }, v: { date: { preset: 'custom', from: '2024-06-01', to: '2024-06-30' } } })
    expect(parseDrillLink(raw)).toEqual({ dashboardId: 'd1', widgetId: 'wf', point: { kind: 'category', key: null, seriesKey: 'web' }, filterValues: { date: { preset: 'custom', from: '2024-06-01', to: '2024-06-30' } } })
  })
})

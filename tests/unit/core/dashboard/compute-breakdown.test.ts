/** Breakdown widget on the dashboard fixture (owner m1: A B E G I, m2: C D F H; source web: A C D E H, fair: B F G I). */
import { describe, expect, it } from 'vitest'
import type { BreakdownData } from '../../../../src/core/dashboard'
import { computeWidget } from '../../../../src/core/dashboard'
import type { FormDef } from '../../../../src/core/schema/types'
import { dashCtx, oppForm, widget } from '../../../fixtures/dashboard'

const base = { formId: 'opps', stageField: 'stage' }

function data(config: Record<string, unknown>, ctx = dashCtx()): BreakdownData {
  const r = computeWidget(widget('breakdown', { ...base, ...config }), ctx)
  if (r.status !== 'ok' || r.data.type !== 'breakdown') throw new Error(`needs config: ${JSON.stringify(r)}`)
  return r.data
}
const row = (d: BreakdownData, key: string) => d.rows.find(r => r.key === key)!

describe('dashboard/compute-breakdown', () => {
  it('should give each owner the overall conversion, win rate and cycle with their samples', () => {
    const d = data({ groupField: 'owner' })
    // m1: A B E won (depth 4), G lost at s1; I has no stage and is outside the funnel
    expect(row(d, 'm1')).toMatchObject({ label: '张三', records: 4, conversion: { n: 4, x: 3 }, winRate: { n: 4, x: 3 }, days: { count: 2, median: 9 }, mark: null })
    expect(row(d, 'm2')).toMatchObject({ label: 'Li', records: 4, conversion: { n: 4, x: 0, rate: 0 }, winRate: { n: 2, x: 0 }, days: { count: 0, median: null } })
    expect(d.total).toMatchObject({ key: '*', records: 8, conversion: { n: 8, x: 3 }, winRate: { n: 6, x: 3 } })
    expect(d).toMatchObject({ daysKind: 'cycle', fromLabel: { 'zh-CN': '阶段s1' }, toLabel: { 'zh-CN': '阶段won' }, groupLabel: { 'zh-CN': '负责人' }, hiddenRows: 0 })
  })

  it('should measure one stage when chosen: reached it and moved on, days in it', () => {
    const d = data({ groupField: 'source', stage: 's2' })
    // web: A C D E reached s2, A C E moved on; fair: B only (skipped s2, counted in any order)
    expect(row(d, 'web').conversion).toMatchObject({ n: 4, x: 3 })
    expect(row(d, 'fair').conversion).toMatchObject({ n: 1, x: 1 })
    // completed s2 visits: A 3, C 2, D 2 and 5 days
    expect(row(d, 'web').days).toEqual({ count: 4, median: 2.5 })
    expect(d).toMatchObject({ daysKind: 'stage', fromLabel: { en: 'Stage s2' }, toLabel: { en: 'Stage s3' } })
    expect(d.rows.map(r => r.key)).toEqual(['web', 'fair'])
  })

  it('should follow the dashboard filters', () => {
    const d = data({ groupField: 'source' }, dashCtx({ filterValues: { owner: ['m2'] } }))
    expect(d.rows.map(r => [r.key, r.records])).toEqual([['web', 3], ['fair', 1]])
  })

  it('should name the widget\'s deleted group field, and the rest of the dashboard still draws', () => {
    const form: FormDef = { ...oppForm(), trash: [{ field: { id: 'industry', type: 'select', label: { 'zh-CN': '行业', 'en': 'Industry' }, options: { choices: [] } }, deletedAt: 1 }] }
    const ctx = dashCtx({ forms: [form, ...dashCtx().forms.slice(1)] })
    const r = computeWidget(widget('breakdown', { ...base, groupField: 'industry' }), ctx)
    expect(r).toEqual({ status: 'needsConfig', problems: [{ key: 'groupField', reason: 'deletedField', id: 'industry', detail: { 'zh-CN': '行业', 'en': 'Industry' } }] })
    // a field gone without a trace (not in the trash or the history) is still reported, without a name
    const gone = computeWidget(widget('breakdown', { ...base, groupField: 'nowhere' }), ctx)
    expect(gone).toEqual({ status: 'needsConfig', problems: [{ key: 'groupField', reason: 'deletedField', id: 'nowhere' }] })
    expect(computeWidget(widget('funnel', base), ctx).status).toBe('ok')
    expect(computeWidget(widget('breakdown', { ...base, groupField: 'owner' }), ctx).status).toBe('ok')
  })

  it('should name a deleted field from the form history when it is no longer in the trash', () => {
    const form: FormDef = { ...oppForm(), history: [{ at: 1, kind: 'deleteField', fieldId: 'segment', label: '客户分层' }] }
    const r = computeWidget(widget('breakdown', { ...base, groupField: 'segment' }), dashCtx({ forms: [form] }))
    expect(r.status === 'needsConfig' && r.problems[0]!.detail).toEqual({ 'zh-CN': '客户分层', 'en': '客户分层' })
  })

  it('should refuse a group field of another type and a stage that is not open', () => {
    const wrong = computeWidget(widget('breakdown', { ...base, groupField: 'amount' }), dashCtx())
    expect(wrong.status === 'needsConfig' && wrong.problems[0]).toMatchObject({ key: 'groupField', reason: 'wrongFieldType' })
    const won = computeWidget(widget('breakdown', { ...base, groupField: 'owner', stage: 'won' }), dashCtx())
    expect(won.status === 'needsConfig' && won.problems[0]).toMatchObject({ key: 'stage', reason: 'deletedStage', id: 'won', detail: { en: 'Stage won' } })
    const gone = computeWidget(widget('breakdown', { ...base, groupField: 'owner', stage: 'gone' }), dashCtx())
    expect(gone.status === 'needsConfig' && gone.problems[0]).toEqual({ key: 'stage', reason: 'deletedStage', id: 'gone' })
  })
})

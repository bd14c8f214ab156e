/** The "most promising leads" table: open deals by score, highest first, with why. */
import { describe, expect, it } from 'vitest'
import type { FormDef, RecordRow } from '../../../../src/core/schema/types'
import { computeWidget } from '../../../../src/core/dashboard'
import { withScores } from '../../../../src/core/records'
import { stageField } from '../../../fixtures/metrics'
import { dashCtx, NOW, widget } from '../../../fixtures/dashboard'

const form: FormDef = {
  schemaVersion: 1, id: 'leads', appId: 'crm', name: '线索', createdAt: 0, updatedAt: 0, titleField: 'title',
  fields: [
    { id: 'title', type: 'text', label: '名称' },
    stageField(),
    { id: 'source', type: 'select', label: { 'zh-CN': '来源', 'en': 'Source' }, options: { choices: [{ id: 'ref', label: { 'zh-CN': '转介绍', 'en': 'Referral' } }, { id: 'ads', label: '广告' }] } },
    { id: 'budget', type: 'money', label: '预算' },
    { id: 'score', type: 'score', label: '线索评分', options: { rules: [
      { id: 'r1', when: { and: [{ field: 'source', op: 'eq', value: 'ref' }] }, points: 20 },
      { id: 'r2', when: { and: [{ field: 'budget', op: 'gt', value: 1000 }] }, points: 30 },
    ] } },
  ],
}
const lead = (id: string, stage: string, values: Record<string, unknown>): RecordRow =>
  ({ id, values: withScores(form, { title: id, stage, ...values }, NOW), createdAt: 0, updatedAt: NOW, rev: 1 })
const records = [
  lead('A', 's1', { source: 'ads' }), // 0
  lead('B', 's2', { source: 'ref', budget: 5000 }), // 50
  lead('C', 'won', { source: 'ref', budget: 5000 }), // 50, closed: left out
  lead('D', 's1', { budget: 2000 }), // 30
  lead('E', 's3', { source: 'ref' }), // 20
]

describe('dashboard/compute-promising', () => {
  it('should list open deals by score with the rules behind each', () => {
    const ctx = dashCtx({ forms: [form], records: { leads: records }, filters: [] })
    const res = computeWidget(widget('table', { formId: 'leads', preset: 'promising', columns: ['title'], limit: 3 }), ctx)
    expect(res.status).toBe('ok')
    if (res.status !== 'ok' || res.data.type !== 'table') return
    expect(res.data.total).toBe(4)
    expect(res.data.columns.map(c => c.field)).toEqual(['title', 'score', '_scoreWhy'])
    expect(res.data.rows.map(r => r.cells)).toEqual([
      ['B', '50', '来源 等于 转介绍 +20；预算 大于 ¥1,000.00 +30'],
      ['D', '30', '预算 大于 ¥1,000.00 +30'],
      ['E', '20', '来源 等于 转介绍 +20'],
    ])
  })

  it('should name a deleted score field instead of drawing', () => {
    const ctx = dashCtx({ forms: [{ ...form, trash: [{ field: form.fields[4]!, deletedAt: 1 }], fields: form.fields.slice(0, 4) }], records: { leads: records }, filters: [] })
    const res = computeWidget(widget('table', { formId: 'leads', preset: 'promising', scoreField: 'score' }), ctx)
    expect(res).toMatchObject({ status: 'needsConfig', problems: [{ key: 'scoreField', reason: 'deletedField', detail: { 'zh-CN': '线索评分' } }] })
  })
})

describe('dashboard/compute-promising with pipelines', () => {
  it('should list only the chosen pipeline\'s open deals', async () => {
    const { pipelineForm } = await import('../../../fixtures/pipelines')
    const base = pipelineForm()
    const f: FormDef = { ...base, fields: [...base.fields, { id: 'score', type: 'score', label: '评分', options: { rules: [{ id: 'r', when: { and: [{ field: 'amount', op: 'gt', value: 0 }] }, points: 1 }] } }] }
    const row = (id: string, kind: string, stage: string, amount: number): RecordRow => ({ id, values: withScores(f, { title: id, kind, stage, amount }, NOW), createdAt: 0, updatedAt: NOW, rev: 1 })
    const rows = [row('n1', 'new', 'lead', 5), row('n2', '', 'demo', 0), row('n3', 'new', 'won', 9), row('r1', 'renewal', 'renew', 7), row('r2', 'renewal', 'rwon', 7)]
    const ctx = dashCtx({ forms: [f], records: { deals: rows }, filters: [] })
    const ids = (pipeline?: string) => {
      const res = computeWidget(widget('table', { formId: 'deals', preset: 'promising', stageField: 'stage', pipeline }), ctx)
      return res.status === 'ok' && res.data.type === 'table' ? res.data.rows.map(r => r.id) : res
    }
    // the default pipeline (new) includes deals without a pipeline value; won deals are left out
    expect(ids()).toEqual(['n1', 'n2'])
    expect(ids('renewal')).toEqual(['r1'])
  })
})

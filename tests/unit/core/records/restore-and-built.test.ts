import type { RelatedRows } from '../../../../src/core/records/related-rows'
import type { RecordRow } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { createRecords } from '../../../../src/core/records/mutations'
import { restoreRecords } from '../../../../src/core/records/restore'
import { validatorFor } from '../../../../src/core/records/validator-cache'
import { accountsForm, dealsForm, rec } from '../../../fixtures/derived'
import { field } from '../../../fixtures/fields'

const accounts = [rec('a1', { name: '华为', industry: 'a' })]
const related: RelatedRows = { get: (formId, id) => (formId === 'accounts' ? accounts.find(r => r.id === id) : undefined), rows: formId => (formId === 'accounts' ? accounts : undefined) }
const ctx = { now: 1000, memberId: 'm1', related }

describe('restoreRecords', () => {
  it('should bring a binned deal back with its lookups recomputed from the account as it is now, logged as a restore', () => {
    const form = dealsForm()
    const binned: RecordRow = rec('d1', { title: 'ERP', account: 'a1', acc_name: '旧名', acc_industry: null }, 3)
    const result = restoreRecords(form, [binned], validatorFor(form), ctx)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.records[0]).toMatchObject({ id: 'd1', rev: 4, updatedAt: 1000, updatedBy: 'm1', values: { acc_name: '华为', acc_industry: 'a' } })
    expect(result.tx.records?.deals).toEqual({ restore: ['d1'], put: result.records })
    expect(result.tx.changes?.map(c => [c.recordId, c.kind])).toEqual([['d1', 'restore']])
  })

  it('should refuse the whole restore, naming the field, when a record no longer fits the form', () => {
    // Validators are cached per form id and updatedAt: this form is a later version.
    const form = { ...dealsForm([field('number', { id: 'score', label: '评分', required: true })]), updatedAt: 5 }
    const result = restoreRecords(form, [rec('d1', { title: 'A', score: 5 }), rec('d2', { title: 'B' })], validatorFor(form), ctx)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map(i => i.recordId)).toEqual(['d2'])
    expect(result.issues[0]!.issues[0]!.message['zh-CN']).toContain('评分')
  })
})

describe('createRecords with presets (records rebuilt from a history log)', () => {
  it('should keep the given ids, times and stage events while computing defaults, lookups and formulas', () => {
    const form = dealsForm([
      field('formula', { id: 'double', label: '双倍', options: { expression: '{amount}*2' } }),
    ]).fields.map(f => (f.id === 'account' ? { ...f, default: { kind: 'static' as const, value: 'a1' } } : f))
    const def = { ...accountsForm(), id: 'deals', fields: form, updatedAt: 9 }
    const events = [{ id: 'e1', formId: 'deals', recordId: 'D1', fieldId: 'stage', from: null, to: 's1', at: 50 }]
    const result = createRecords(def, [{ title: 'D1', amount: 60 }], validatorFor(def), ctx, [{ id: 'D1', createdAt: 50, updatedAt: 70, events }])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.records[0]).toMatchObject({ id: 'D1', createdAt: 50, updatedAt: 70, values: { account: 'a1', acc_name: '华为', double: 120 } })
    expect(result.tx.stageEvents).toEqual(events)
    expect(result.tx.changes?.map(c => [c.recordId, c.kind])).toEqual([['D1', 'create']])
  })
})

describe('createRecords with validated presets (an import plan checked every row)', () => {
  const flagging = (fieldId: string) => {
    const seen: Record<string, unknown>[] = []
    const validate = (v: Record<string, unknown>) => {
      seen.push(v)
      return v[fieldId] === undefined ? [] : [{ fieldId, code: 'x', message: { 'zh-CN': '坏', 'en': 'bad' } }]
    }
    return { seen, validate }
  }

  it('should not check the schema of a validated record again when nothing was added to it', () => {
    const form = dealsForm()
    const { seen, validate } = flagging('nope')
    const result = createRecords(form, [{ title: 'ERP' }], validate, ctx, [{ id: 'd1', validated: true }])
    expect(result.ok).toBe(true)
    expect(seen).toEqual([])
  })

  it('should check it again, and refuse it, when a default added a value the schema refuses', () => {
    const form = { ...dealsForm([field('text', { id: 'src', label: '来源', default: { kind: 'static', value: '旧选项' } })]), updatedAt: 7 }
    const { seen, validate } = flagging('src')
    const result = createRecords(form, [{ title: 'ERP' }], validate, ctx, [{ id: 'd1', validated: true }])
    expect(result.ok).toBe(false)
    expect(seen).toHaveLength(1)
  })
})

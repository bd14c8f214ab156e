import type { FieldDef, FormDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { createRecords, deleteRecords, updateRecords } from '../../../../src/core/records/mutations'
import { formatSerial, serialCounterOf } from '../../../../src/core/records/serial'
import { validatorFor } from '../../../../src/core/records/validator-cache'
import { dealFields, designForm, row } from '../../../fixtures/designer'

const NOW = new Date(2024, 2, 5, 9, 30).getTime()
const ctx = { now: NOW, memberId: 'm1' }

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r as Extract<T, { ok: true }>
}

function create(form: FormDef, values: Record<string, unknown>[], existing = [] as ReturnType<typeof row>[]) {
  return createRecords(form, values, validatorFor(form), { ...ctx, existing })
}

describe('mutations (designer rules)', () => {
  describe('createRecords', () => {
    it('should compute formula fields, e.g. 期望 = 金额 × 赢率', () => {
      const r = ok(create(designForm(dealFields()), [{ name: 'A', amount: 200, rate: 0.3 }]))
      expect(r.records[0]!.values.expected).toBe(60)
    })

    it('should ignore values given for computed fields', () => {
      const r = ok(create(designForm(dealFields()), [{ amount: 2, rate: 3, expected: 999 }]))
      expect(r.records[0]!.values.expected).toBe(6)
    })

    it('should fill static, now, current member and formula defaults but keep given values', () => {
      const fields: FieldDef[] = [
        { id: 'status', type: 'text', label: '状态', default: { kind: 'static', value: '新建' } },
        { id: 'day', type: 'date', label: '日期', default: { kind: 'now' } },
        { id: 'owner', type: 'member', label: '负责人', default: { kind: 'currentMember' } },
        { id: 'qty', type: 'number', label: '数量' },
        { id: 'double', type: 'number', label: '两倍', default: { kind: 'formula', expression: '{qty} * 2' } },
      ]
      const form = designForm(fields)
      const r = ok(createRecords(form, [{ qty: 4 }, { status: '已签约', qty: 1 }], validatorFor(form), { ...ctx, memberId: undefined }))
      expect(r.records[0]!.values).toEqual({ status: '新建', day: '2024-03-05', qty: 4, double: 8 })
      expect(r.records[1]!.values.status).toBe('已签约')
      const withMember = ok(createRecords(form, [{}], () => [], ctx))
      expect(withMember.records[0]!.values.owner).toBe('m1')
    })

    it('should refuse a value of a unique field already held by another record, naming the field', () => {
      const form = designForm([{ id: 'code', type: 'text', label: '编码', unique: true }])
      const r = create(form, [{ code: ' ab ' }], [row('x', { code: 'AB' })])
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.issues[0]!.issues[0]!.message['zh-CN']).toContain('编码')
    })

    it('should refuse duplicates inside one batch', () => {
      const form = designForm([{ id: 'code', type: 'text', label: '编码', unique: true }])
      expect(create(form, [{ code: 'a' }, { code: 'a' }]).ok).toBe(false)
      expect(create(form, [{ code: 'a' }, { code: '' }, { code: '' }]).ok).toBe(true)
    })

    it('should number serial fields by the pattern and save the counter in the same transaction', () => {
      const form = designForm([{ id: 'sn', type: 'serial', label: '合同编号', options: { pattern: 'HT-{yyyyMMdd}-{0000}' } }])
      const r = ok(create(form, [{}, {}]))
      expect(r.records.map(x => x.values.sn)).toEqual(['HT-20240305-0001', 'HT-20240305-0002'])
      const saved = r.tx.defs!.put![0]!.doc as FormDef
      expect(saved.serialCounters).toEqual({ sn: 2 })
      expect(saved.updatedAt).toBe(form.updatedAt)
    })

    it('should never reuse a serial number after records are deleted', () => {
      const form = designForm([{ id: 'sn', type: 'serial', label: '编号', options: { pattern: 'N{000}' } }], { serialCounters: { sn: 5 } })
      const r = ok(create(form, [{}], []))
      expect(r.records[0]!.values.sn).toBe('N006')
    })

    it('should continue after the highest number found in records that carry no counter (imports, templates)', () => {
      const form = designForm([{ id: 'sn', type: 'serial', label: '编号', options: { pattern: 'HT-{yyyyMMdd}-{0000}' } }])
      const r = ok(create(form, [{}], [row('old', { sn: 'HT-20230101-0042' })]))
      expect(r.records[0]!.values.sn).toBe('HT-20240305-0043')
    })

    it('should refuse a record breaking a submit rule comparing two fields, with the rule message', () => {
      const form = designForm([{ id: 'contract', type: 'money', label: '合同金额' }, { id: 'paid', type: 'money', label: '回款金额' }], {
        rules: [{ id: 'r1', when: { and: [] }, compare: { field: 'paid', op: 'lte', otherField: 'contract' }, message: { 'zh-CN': '回款不能超过合同金额', 'en': 'Payment exceeds the contract' } }],
      })
      const bad = create(form, [{ contract: 100, paid: 150 }])
      expect(bad.ok).toBe(false)
      if (!bad.ok) expect(bad.issues[0]!.issues[0]).toMatchObject({ fieldId: 'paid', message: { 'zh-CN': '回款不能超过合同金额' } })
      expect(create(form, [{ contract: 100, paid: 100 }]).ok).toBe(true)
      expect(create(form, [{ paid: 100 }]).ok).toBe(true)
    })

    it('should refuse a record not matching a filter rule', () => {
      const form = designForm([{ id: 'amount', type: 'number', label: '金额' }], { rules: [{ id: 'r', when: { and: [{ field: 'amount', op: 'gt', value: 0 }] }, message: '金额必须大于 0' }] })
      expect(create(form, [{ amount: -1 }]).ok).toBe(false)
      expect(create(form, [{ amount: 1 }]).ok).toBe(true)
    })
  })

  describe('updateRecords', () => {
    const form = designForm(dealFields().map(f => (f.id === 'name' ? { ...f, unique: true } : f)))
    const byId = new Map([row('a', { name: 'A', amount: 10, rate: 0.5, expected: 5 }), row('b', { name: 'B' })].map(r => [r.id, r]))

    it('should recompute formulas when an input changes', () => {
      const r = ok(updateRecords(form, byId, [{ recordId: 'a', values: { amount: 20 } }], validatorFor(form), ctx))
      expect(r.records[0]!.values.expected).toBe(10)
      expect(r.records[0]!.rev).toBe(2)
    })

    it('should refuse renaming a record to another record\'s unique value', () => {
      expect(updateRecords(form, byId, [{ recordId: 'b', values: { name: 'a' } }], validatorFor(form), ctx).ok).toBe(false)
      expect(updateRecords(form, byId, [{ recordId: 'a', values: { name: 'A', amount: 1 } }], validatorFor(form), ctx).ok).toBe(true)
    })

    it('should build on the rev the user saw when given an older baseRev, so the commit reports the overwrite', () => {
      const seen = new Map([...byId].map(([id, r]) => [id, { ...r, rev: 4 }]))
      const put = (baseRev?: number) => ok(updateRecords(form, seen, [{ recordId: 'a', values: { amount: 20 }, baseRev }], validatorFor(form), ctx)).records[0]!.rev
      expect(put(2)).toBe(3)
      expect(put(4)).toBe(5)
      expect(put(7)).toBe(5)
      expect(put()).toBe(5)
    })

    it('should check a rule only when one of its fields changes', () => {
      const ruled = { ...form, rules: [{ id: 'r', when: { and: [{ field: 'amount', op: 'gt' as const, value: 100 }] }, message: '太小' }] }
      expect(updateRecords(ruled, byId, [{ recordId: 'a', values: { rate: 0.1 } }], validatorFor(ruled), ctx).ok).toBe(true)
      expect(updateRecords(ruled, byId, [{ recordId: 'a', values: { amount: 50 } }], validatorFor(ruled), ctx).ok).toBe(false)
    })
  })

  describe('deleteRecords', () => {
    it('should move records to the recycle bin', () => {
      expect(deleteRecords(designForm([]), ['a'], ctx).records?.deals).toEqual({ delete: ['a'], toTrash: true })
    })
  })
})

describe('serial', () => {
  describe('formatSerial', () => {
    it('should print date tokens and the padded counter', () => {
      expect(formatSerial('HT-{yyyy}{MM}-{000}', 7, NOW)).toBe('HT-202403-007')
    })

    it('should append a counter when the pattern has none, so numbers stay unique', () => {
      expect(formatSerial('KH', 3, NOW)).toBe('KH-0003')
    })
  })

  describe('serialCounterOf', () => {
    it('should read the counter back and reject other text', () => {
      expect(serialCounterOf('HT-{yyyyMMdd}-{0000}', 'HT-20240101-0042')).toBe(42)
      expect(serialCounterOf('HT-{yyyyMMdd}-{0000}', 'XX-1')).toBeUndefined()
    })
  })
})

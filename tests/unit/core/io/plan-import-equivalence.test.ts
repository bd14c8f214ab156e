import type { ImportInput } from '../../../../src/core/io/import-types'
import type { FieldDef, FormDef } from '../../../../src/core/schema/types'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planImport } from '../../../../src/core/io/plan-import'
import { validatorFor } from '../../../../src/core/records/validator-cache'
import { labelText } from '../../../../src/core/utils/label'
import { funnelStageField } from '../../../fixtures/funnel'
import { field, MEMBERS, record, starterFields } from '../../../fixtures/io'
import { referencePlanImport } from '../../../fixtures/plan-import-reference'

// planImport remembers coerced cells per column and valid values per field; the reference
// coerces every cell on its own. Same plan, row for row and message for message, on files
// with good, bad, empty, repeated and duplicate-key cells, with and without an upsert key.
const FIELDS: FieldDef[] = [
  field('text', { id: 'code', label: { 'zh-CN': '编号', 'en': 'Code' }, unique: true }),
  field('text', { id: 'name', label: { 'zh-CN': '商机名称', 'en': 'Name' }, required: true, options: { maxLength: 6 } }),
  funnelStageField(),
  field('money', { id: 'amount', label: '金额', options: { currency: 'CNY', precision: 2, min: 0 } }),
  field('textarea', { id: 'needsText', label: '客户需求' }),
  field('select', { id: 'reason', label: '输单原因', options: { choices: [{ id: 'price', label: { 'zh-CN': '价格', 'en': 'Price' } }] } }),
  field('percent', { id: 'prob', label: '赢率', options: { min: 0, max: 100, precision: 0 } }),
  field('member', { id: 'owner', label: '负责人' }),
  field('member', { id: 'team', label: '团队', options: { multiple: true } }),
  field('relation', { id: 'account', label: '客户', options: { formId: 'accounts' } }),
  field('email', { id: 'mail', label: '邮箱', unique: true }),
  field('formula', { id: 'calc', label: '计算', options: { expression: '1', resultType: 'number' } }),
  ...starterFields().filter(f => ['date', 'multiselect', 'checkbox', 'number'].includes(f.type)),
]
const FORM: FormDef = { schemaVersion: 1, id: 'eqf', appId: 'app1', name: 'eqf', fields: FIELDS, createdAt: 0, updatedAt: 0 }
const HEADERS = FIELDS.map(f => labelText(f.label, 'zh-CN'))
const TITLES = new Map([['Acme', ['a1']], ['Twin', ['a2', 'a3']]])

/** Per field: cells that coerce (any may still fail a record rule), then cells that do not. */
const CELLS: Record<string, readonly [readonly string[], readonly string[]]> = {
  code: [['', 'A1', 'B2', 'C3', 'C3', 'D4', ' E5 ', 'F6', 'G7'], []],
  name: [['Deal', 'Deal', 'x', '\'=1', '商机'], ['', 'too long name']],
  stage: [['潜在客户识别', '需求分析', '需求分析', '方案制定', '成交与签约', '输单', 'Lead', 'won'], ['', 'nope']],
  amount: [['', '¥1,000.00', '2000', '2000', '1.5'], ['-5', '1.234', 'abc']],
  needsText: [['', 'needs', 'a\r\nb'], []],
  reason: [['', '价格', 'Price'], ['other']],
  prob: [['', '10%', '100', '30'], ['120', '3.5', 'x']],
  owner: [['', '张三', 'Li Si', 'm1'], ['王五']],
  team: [['', '张三', '张三、Li Si'], ['nobody']],
  account: [['', 'Acme', 'acme', 'a2'], ['Twin', 'Zed']],
  mail: [['', 'a@b.cn', 'c@d.cn', 'e@f.cn', 'a@b.cn'], ['not mail']],
  calc: [['', '5'], []],
  f_number: [['', '1', '1,200', '1'], ['x']],
  f_date: [['', '2024-03-05', '05/03/2024', '2024/3/5'], ['2024-02-30']],
  f_multi: [['', 'VIP', 'VIP, 热门', '热门；VIP'], ['Fax']],
  f_check: [['', '是', '否', 'true'], ['maybe']],
}
const cellOf = (f: FieldDef) => {
  const [good, bad] = CELLS[f.id] ?? [[''], []]
  return fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: bad.length ? fc.constantFrom(...bad) : fc.constant('') },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  )
}
const row = fc.tuple(...FIELDS.map(cellOf))
const existing = [record('r1', { code: 'A1', name: 'Old', stage: 'lead', mail: 'x@y.cn' }), record('r2', { code: 'B2', name: 'Two', stage: 'won', amount: 5 }), record('r3', { code: 'B2', name: 'Dup', stage: 'lead' }), record('r4', { name: 'Mail', stage: 'lead', mail: 'c@d.cn' })]

describe('plan-import', () => {
  describe('planImport against a reference', () => {
    it('should plan every file as coercing each cell on its own does', () => {
      const validate = validatorFor(FORM)
      fc.assert(fc.property(fc.array(row, { maxLength: 25 }), fc.boolean(), fc.boolean(), fc.constantFrom('zh-CN', 'en') as fc.Arbitrary<'zh-CN' | 'en'>, (rows, upsert, linked, locale) => {
        const input: ImportInput = {
          headers: HEADERS,
          rows,
          mapping: FIELDS.map(f => f.id),
          form: FORM,
          existing,
          validate,
          members: MEMBERS,
          locale,
          dateFormat: 'DD/MM/YYYY',
          ...(upsert ? { upsertKey: 'code' } : {}),
          ...(linked ? { relationTitles: (id: string) => (id === 'accounts' ? TITLES : new Map()) } : {}),
        }
        expect(planImport(input)).toEqual(referencePlanImport(input))
      }), { numRuns: 400 })
    }, 60_000)
  })
})

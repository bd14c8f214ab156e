import type { ImportInput } from '../../../../src/core/io/import-types'
import type { FieldDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { autoMapColumns } from '../../../../src/core/io/auto-map'
import { parseCsv } from '../../../../src/core/io/csv-parse'
import { planImport } from '../../../../src/core/io/plan-import'
import { rejectedToCsv } from '../../../../src/core/io/rejected-csv'
import { field, form, MEMBERS, record, simpleValidator, starterFields } from '../../../fixtures/io'

function plan(csv: string, f = form(starterFields()), extra: Partial<ImportInput> = {}) {
  const t = parseCsv(csv)
  return planImport({ ...t, mapping: autoMapColumns(t.headers, f.fields), form: f, existing: [], validate: simpleValidator(f), members: MEMBERS, ...extra })
}

describe('plan-import', () => {
  describe('planImport', () => {
    it('should coerce every starter type from its text', () => {
      const p = plan([
        '名称,备注,数量,金额,赢率,日期,来源,标签,已签约,邮箱,电话,网址',
        'Acme,"two\nlines","1,200",¥3.50,25%,2024-03-05,Referral,"VIP, 热门",是,a@b.cn,138 0013 8000,https://acme.cn',
      ].join('\n'))
      expect(p.rejected).toEqual([])
      expect(p.inserts).toEqual([{
        f_text: 'Acme',
        f_textarea: 'two\nlines',
        f_number: 1200,
        f_money: 3.5,
        f_percent: 25,
        f_date: '2024-03-05',
        f_select: 'ref',
        f_multi: ['vip', 'hot'],
        f_check: true,
        f_email: 'a@b.cn',
        f_phone: '138 0013 8000',
        f_url: 'https://acme.cn',
      }])
    })

    it('should leave empty cells out of new records but keep an unchecked box', () => {
      const p = plan('名称,数量,已签约\nA,,否')
      expect(p.inserts).toEqual([{ f_text: 'A', f_check: false }])
    })

    it('should reject a row whole, listing every bad cell with its line and column', () => {
      const p = plan('名称,数量,日期,来源\nok,1,2024-01-01,官网\nbad,abc,2024-02-30,Fax\nok2,2,,')
      expect(p.inserts.map(v => v.f_text)).toEqual(['ok', 'ok2'])
      expect(p.rejectedRows).toBe(1)
      expect(p.rejected.map(r => [r.row, r.column, r.field, r.value])).toEqual([
        [3, '数量', '数量', 'abc'],
        [3, '日期', '日期', '2024-02-30'],
        [3, '来源', '来源', 'Fax'],
      ])
      expect(p.rejected[0]?.reason.en).toBe('"abc" is not a number')
      expect(p.rejected[2]?.reason['zh-CN']).toContain('没有选项「Fax」')
    })

    it('should report record validation problems, also for fields without a column', () => {
      const fields: FieldDef[] = [...starterFields(), field('text', { id: 'f_req', label: { 'zh-CN': '负责人', 'en': 'Owner' }, required: true })]
      const p = plan('名称,邮箱\nA,not-an-email', form(fields), { locale: 'en' })
      expect(p.rejected.map(r => [r.row, r.column, r.field, r.value, r.reason.en])).toEqual([
        [2, '邮箱', 'Email', 'not-an-email', 'not an e-mail address'],
        [2, '', 'Owner', '', 'required'],
      ])
    })

    it('should read day-first dates with the chosen format and refuse ambiguous ones without it', () => {
      expect(plan('日期\n05/03/2024', undefined, { dateFormat: 'DD/MM/YYYY' }).inserts).toEqual([{ f_date: '2024-03-05' }])
      expect(plan('日期\n05/03/2024', undefined, { dateFormat: 'MM/DD/YYYY' }).inserts).toEqual([{ f_date: '2024-05-03' }])
      const p = plan('日期\n05/03/2024')
      expect(p.rejected[0]?.reason.en).toContain('ambiguous')
    })

    it('should undo formula escaping of exported cells', () => {
      expect(plan('名称\n\'=SUM(A1)\n\'\'+x').inserts).toEqual([{ f_text: '=SUM(A1)' }, { f_text: '\'+x' }])
    })

    it('should read member names', () => {
      const f = form([field('member', { id: 'owner', label: '负责人' })])
      expect(plan('负责人\n张三\nLi Si', f).inserts).toEqual([{ owner: 'm1' }, { owner: 'm2' }])
      expect(plan('负责人\n王五', f).rejected[0]?.reason.en).toBe('no member "王五"')
    })

    it('should ignore unmapped columns and computed fields', () => {
      const f = form([field('text', { id: 'a', label: 'A' }), field('formula', { id: 'c', label: 'C', options: { expression: '1' } })])
      const p = planImport({ headers: ['A', 'C', 'X'], rows: [['1', '2', '3']], mapping: ['a', 'c', null], form: f, existing: [], validate: () => [] })
      expect(p.inserts).toEqual([{ a: '1' }])
    })
  })

  describe('planImport with upsertKey', () => {
    const f = form([field('text', { id: 'code', label: '编号', unique: true }), field('number', { id: 'qty', label: '数量' }), field('text', { id: 'note', label: '备注' })])
    const existing = [record('r1', { code: 'A1', qty: 1, note: 'keep' }), record('r2', { code: 'B2', qty: 2 })]
    const run = (csv: string, more: Partial<ImportInput> = {}) => plan(csv, f, { upsertKey: 'code', existing, ...more })

    it('should update matching records with the file columns only and insert the rest', () => {
      const p = run('编号,数量\nA1,10\nC3,3\n,4')
      expect(p.updates).toEqual([{ recordId: 'r1', values: { code: 'A1', qty: 10 } }])
      expect(p.inserts).toEqual([{ code: 'C3', qty: 3 }, { qty: 4 }])
    })

    it('should clear a value when the file cell of a matched record is empty', () => {
      expect(run('编号,备注\nA1,').updates).toEqual([{ recordId: 'r1', values: { code: 'A1', note: null } }])
    })

    it('should reject a key that appears twice in the file', () => {
      const p = run('编号,数量\nC3,1\nC3,2')
      expect(p.inserts).toHaveLength(1)
      expect(p.rejected.map(r => [r.row, r.reason.en])).toEqual([[3, 'same key as line 2: the record appears twice in the file']])
    })

    it('should reject a key shared by several existing records', () => {
      const p = run('编号,数量\nA1,1', { existing: [...existing, record('r3', { code: 'A1' })] })
      expect(p.rejected[0]?.reason.en).toContain('2 existing records')
    })

    it('should throw when the key field is not mapped', () => {
      expect(() => run('数量\n1')).toThrow(/not mapped/)
    })
  })

  describe('planImport unique fields', () => {
    const f = form([field('email', { id: 'mail', label: '邮箱', unique: true })])

    it('should reject values taken by an existing record or an earlier row', () => {
      const p = plan('邮箱\na@x.cn\nb@x.cn\nb@x.cn', f, { existing: [record('r1', { mail: 'a@x.cn' })] })
      expect(p.inserts).toEqual([{ mail: 'b@x.cn' }])
      expect(p.rejected.map(r => [r.row, r.reason.en])).toEqual([
        [2, 'must be unique: an existing record has this value'],
        [4, 'must be unique: line 3 has the same value'],
      ])
    })
  })

  describe('planImport relations', () => {
    const titles = new Map<string, string[]>([['Acme, Inc.', ['c1']], ['Beta', ['c2']], ['Twin', ['c3', 'c4']]])
    const relationTitles = (formId: string) => (formId === 'customers' ? titles : new Map<string, string[]>())
    const single = form([field('relation', { id: 'cust', label: '客户', options: { formId: 'customers' } })])
    const multi = form([field('relation', { id: 'cust', label: '客户', options: { formId: 'customers', multiple: true } })])

    it('should link by exact title, case-insensitive title, or record id', () => {
      const p = plan('客户\n"Acme, Inc."\nbeta\nc3', single, { relationTitles })
      expect(p.inserts).toEqual([{ cust: 'c1' }, { cust: 'c2' }, { cust: 'c3' }])
    })

    it('should report unmatched and ambiguous titles per row', () => {
      const p = plan('客户\nGamma\nTwin', single, { relationTitles })
      expect(p.rejected.map(r => [r.row, r.value, r.reason.en])).toEqual([
        [2, 'Gamma', 'no linked record titled "Gamma"'],
        [3, 'Twin', '2 records are titled "Twin"; the link is ambiguous'],
      ])
    })

    it('should link several titles in a multiple relation', () => {
      expect(plan('客户\n"Beta、c4"', multi, { relationTitles }).inserts).toEqual([{ cust: ['c2', 'c4'] }])
    })
  })

  describe('rejectedToCsv', () => {
    it('should list each problem with a localised header, BOM and escaped values', () => {
      const p = plan('名称,数量\nx,=1+2')
      const csv = rejectedToCsv(p.rejected, 'en')
      expect(csv.startsWith('\uFEFFLine,Column,Field,Value,Reason\r\n')).toBe(true)
      expect(csv).toContain('2,数量,数量,\'=1+2,')
      expect(rejectedToCsv(p.rejected).split('\r\n')[0]).toBe('\uFEFF行号,列,字段,值,原因')
    })
  })
})

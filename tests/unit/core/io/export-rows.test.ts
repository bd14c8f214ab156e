import type { ExportOptions } from '../../../../src/core/io/export-rows'
import type { FieldDef, Locale, RecordRow } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { autoMapColumns } from '../../../../src/core/io/auto-map'
import { parseCsv } from '../../../../src/core/io/csv-parse'
import { decodeText } from '../../../../src/core/io/decode'
import { exportRows, exportTextRows } from '../../../../src/core/io/export-rows'
import { planImport } from '../../../../src/core/io/plan-import'
import { readXlsx } from '../../../../src/core/io/xlsx'
import { validatorFor } from '../../../../src/core/records/validator-cache'
import { field, form, MEMBERS, record, starterFields } from '../../../fixtures/io'

/** Records covering every starter type, including awkward values. */
function starterRecords(): RecordRow[] {
  return [
    record('r1', { f_text: '北京华信', f_textarea: 'line 1\nline "2", with comma', f_number: -12.5, f_money: 1234.5, f_percent: 25, f_date: '2024-03-05', f_select: 'web', f_multi: ['vip', 'hot'], f_check: true, f_email: 'a@b.cn', f_phone: '+86 138 0013 8000', f_url: 'https://acme.cn/x?a=1' }),
    record('r2', { f_text: '=HYPERLINK("http://evil")', f_textarea: '@SUM(1)', f_number: 1000000, f_money: -0.5, f_percent: 12.5, f_date: '1999-12-31', f_select: 'ref', f_multi: ['new'], f_check: false, f_email: 'x.y@z.com', f_phone: '010-12345678', f_url: 'www.b.cn' }),
    record('r3', { f_text: '-not a number', f_number: 0, f_check: false }),
    record('r4', { f_text: '\'=already quoted', f_textarea: '+1 idea', f_money: 0, f_check: true }),
  ]
}

async function roundTrip(format: 'csv' | 'xlsx', locale: Locale) {
  const fields = starterFields()
  const f = form(fields)
  const records = starterRecords()
  const file = await exportRows(records, fields, { locale, members: MEMBERS, format })
  const table = format === 'csv' ? parseCsv(decodeText(file.bytes).text) : await readXlsx(file.bytes)
  const plan = planImport({ ...table, mapping: autoMapColumns(table.headers, fields, locale), form: f, existing: [], validate: validatorFor(f), members: MEMBERS, formulaEscaped: format === 'csv' })
  return { plan, records }
}

describe('export-rows', () => {
  const ctx: ExportOptions = { locale: 'zh-CN', members: MEMBERS, format: 'csv' }

  describe('exportTextRows', () => {
    it('should format values as people read them', () => {
      const rows = exportTextRows(starterRecords().slice(0, 1), starterFields(), ctx)
      expect(rows[0]).toEqual(['北京华信', 'line 1\nline "2", with comma', '-12.5', '¥1,234.50', '25%', '2024-03-05', '官网', 'VIP、热门', '是', 'a@b.cn', '\'+86 138 0013 8000', 'https://acme.cn/x?a=1'])
    })

    it('should escape cells starting with = + - @ tab or CR, but not plain negative numbers', () => {
      const fields: FieldDef[] = [field('text', { id: 't' }), field('number', { id: 'n' }), field('money', { id: 'm' })]
      const cells = ['=1+1', '+1', '-x', '@a', '\tx', '\rx', 'ok']
      const rows = exportTextRows(cells.map((t, i) => record(`r${i}`, { t, n: -12.5, m: -3 })), fields, ctx)
      expect(rows.map(r => r[0])).toEqual(['\'=1+1', '\'+1', '\'-x', '\'@a', '\'\tx', '\'\rx', 'ok'])
      expect(rows[0]?.[1]).toBe('-12.5')
      expect(rows[0]?.[2]).toBe('\'-¥3.00')
    })

    it('should show member names', () => {
      const f = field('member', { id: 'o', options: { multiple: true } })
      expect(exportTextRows([record('r', { o: ['m1', 'm2'] })], [f], { locale: 'en', members: MEMBERS })).toEqual([['张三, Li Si']])
    })
  })

  describe('exportRows', () => {
    it('should write CSV as UTF-8 with a BOM and localised headers', async () => {
      const file = await exportRows(starterRecords(), starterFields(), { ...ctx, locale: 'en' })
      expect([...file.bytes.slice(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
      expect(file.extension).toBe('csv')
      expect(new TextDecoder().decode(file.bytes).split('\r\n')[0]).toBe('Name,Notes,Quantity,Amount,Probability,Date,Source,Tags,Signed,Email,Phone,Website URL')
    })

    it('should write an XLSX with numbers as numbers and dates as dates', async () => {
      const file = await exportRows(starterRecords(), starterFields(), { ...ctx, format: 'xlsx' })
      expect(file.extension).toBe('xlsx')
      const t = await readXlsx(file.bytes)
      expect(t.headers[2]).toBe('数量')
      expect(t.rows[0]?.slice(2, 6)).toEqual(['-12.5', '1234.5', '25%', '2024-03-05'])
    })

    for (const format of ['csv', 'xlsx'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        it(`should re-import a ${format} export (${locale}) into identical records`, async () => {
          const { plan, records } = await roundTrip(format, locale)
          expect(plan.rejected).toEqual([])
          expect(plan.inserts).toEqual(records.map(r => r.values))
        })
      }
    }
  })
})

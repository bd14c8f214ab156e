import type { FormatSources } from '../../../../src/core/records/field-format'
import type { FormDef, RecordRow } from '../../../../src/core/schema/types'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { exportRows } from '../../../../src/core/io/export-rows'
import { formatContextFor, formatField, recordTitleText, titleFieldOf } from '../../../../src/core/records/field-format'
import { field } from '../../../fixtures/fields'
import { accountsForm, dealsForm, formOf, rec } from '../../../fixtures/derived'

const accounts = accountsForm()
const deals = dealsForm([
  field('member', { id: 'owner', label: '负责人' }),
  field('money', { id: 'value', label: '金额', options: { currency: 'USD', precision: 2 } }),
  field('formula', { id: 'weighted', label: '加权', options: { expression: '{value}/2', resultType: 'number', precision: 2, currency: 'CNY' } }),
])
const accountRows = new Map<string, RecordRow>([
  ['a1', rec('a1', { name: '华为', industry: 'a' })],
  ['a3', rec('a3', { name: '' })],
])

function sources(loaded: boolean, locale: 'zh-CN' | 'en' = 'zh-CN'): FormatSources {
  const forms = new Map<string, FormDef>([['accounts', accounts], ['deals', deals]])
  return {
    locale,
    members: [{ id: 'm1', name: '王芳', color: '#409eff' }],
    formOf: id => forms.get(id),
    recordOf: (formId, id) => (formId !== 'accounts' ? null : accountRows.get(id) ?? (loaded ? null : undefined)),
  }
}
const of = (id: string) => deals.fields.find(f => f.id === id)!

describe('field-format', () => {
  it('should show a related record by its title, never its id (the template kanban\'s "客户 OddjzuBYPaCl")', () => {
    const ctx = formatContextFor(deals.fields, sources(true))
    expect(formatField(of('account'), 'a1', ctx)).toBe('华为')
    expect(formatField(of('acc_name'), '华为', ctx)).toBe('华为')
  })

  it('should mark a deleted related record, an untitled one and one still loading, naming the cause', () => {
    expect(formatField(of('account'), 'gone', formatContextFor(deals.fields, sources(true)))).toBe('〔关联记录已删除〕')
    expect(formatField(of('account'), 'gone', formatContextFor(deals.fields, sources(true, 'en')))).toBe('[linked record deleted]')
    expect(formatField(of('account'), 'a3', formatContextFor(deals.fields, sources(true)))).toBe('〔无标题〕')
    expect(formatField(of('account'), 'gone', formatContextFor(deals.fields, sources(false)))).toBe('…')
  })

  it('should show members by name and a departed member as a placeholder', () => {
    const ctx = formatContextFor(deals.fields, sources(true))
    expect(formatField(of('owner'), 'm1', ctx)).toBe('王芳')
    expect(formatField(of('owner'), 'm-left', ctx)).toBe('〔成员已移除〕')
  })

  it('should show money and money formulas with their currency', () => {
    const ctx = formatContextFor(deals.fields, sources(true))
    expect(formatField(of('value'), 1234.5, ctx)).toBe('$1,234.50')
    expect(formatField(of('weighted'), 617.25, ctx)).toBe('¥617.25')
  })

  it('should title a record by its title field, else its first text field', () => {
    expect(titleFieldOf(accounts)?.id).toBe('name')
    expect(titleFieldOf(formOf('n', [field('number', { id: 'n' })]))).toBeUndefined()
    expect(recordTitleText(accounts, accountRows.get('a1')!, { locale: 'en' })).toBe('华为')
  })

  it('should export amounts to XLSX as numbers with a currency format that re-read cells sum', async () => {
    const rows = [rec('d1', { value: 200, weighted: 100 }), rec('d2', { value: 1234.5, weighted: 617.25 }), rec('d3', { value: -0.5 })]
    const ctx = formatContextFor(deals.fields, sources(true))
    const file = await exportRows(rows, [of('value'), of('weighted')], { ...ctx, format: 'xlsx' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.bytes as never)
    const ws = wb.worksheets[0]!
    const col = (n: number) => [2, 3, 4].map(r => ws.getRow(r).getCell(n))
    expect(col(1).map(c => c.value)).toEqual([200, 1234.5, -0.5])
    expect(col(1).reduce((sum, c) => sum + (c.value as number), 0)).toBe(1434)
    expect(col(1)[0]!.numFmt).toBe('"$"#,##0.00')
    expect(col(2)[1]!.numFmt).toBe('"¥"#,##0.00')
    expect(col(2).slice(0, 2).reduce((sum, c) => sum + (c.value as number), 0)).toBe(717.25)
  })
})

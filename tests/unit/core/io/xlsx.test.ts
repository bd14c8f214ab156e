import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readXlsx, writeXlsx } from '../../../../src/core/io/xlsx'
import { cellText } from '../../../../src/core/io/xlsx-cell'

describe('xlsx', () => {
  describe('writeXlsx / readXlsx', () => {
    it('should round-trip headers, text, numbers, booleans, dates and empty cells', async () => {
      const bytes = await writeXlsx('客户', ['名称', '金额', '日期', '有效'], [
        ['甲', 12.5, new Date(Date.UTC(2024, 2, 5)), true],
        ['乙', null, null, false],
        ['=not a formula', -3, new Date(Date.UTC(2024, 2, 5, 14, 30)), null],
      ])
      const t = await readXlsx(bytes)
      expect(t.sheetNames).toEqual(['客户'])
      expect(t.headers).toEqual(['名称', '金额', '日期', '有效'])
      expect(t.rows).toEqual([
        ['甲', '12.5', '2024-03-05', 'true'],
        ['乙', '', '', 'false'],
        ['=not a formula', '-3', '2024-03-05T14:30:00', ''],
      ])
    })

    it('should read the named sheet and skip blank rows', async () => {
      const wb = new ExcelJS.Workbook()
      wb.addWorksheet('first').addRow(['x'])
      const ws = wb.addWorksheet('second')
      ws.addRow(['a', 'b'])
      ws.addRow([])
      ws.addRow([1, { formula: 'A3*2', result: 2 }])
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer)
      const t = await readXlsx(bytes, 'second')
      expect(t).toMatchObject({ sheetName: 'second', headers: ['a', 'b'], rows: [['1', '2']] })
    })

    it('should make a sheet name Excel accepts', async () => {
      const t = await readXlsx(await writeXlsx('a/b:c*d?[e]f that is far too long for excel', ['h'], []))
      expect(t.sheetName).toBe('a b c d  e f that is far too lo')
    })
  })

  describe('cellText', () => {
    it('should flatten rich text, hyperlinks, formulas and errors', () => {
      expect(cellText({ richText: [{ text: '客' }, { text: '户' }] })).toBe('客户')
      expect(cellText({ text: 'site', hyperlink: 'http://x' })).toBe('site')
      expect(cellText({ formula: 'A1', result: 3 })).toBe('3')
      expect(cellText({ error: '#N/A' })).toBe('#N/A')
    })
  })
})

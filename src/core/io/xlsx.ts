import type { TextTable } from './table'
import type ExcelJS from 'exceljs'
import { cellText } from './xlsx-cell'
import { toTable } from './table'

type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0]

/**
 * ExcelJS, loaded on first use: it is a quarter of a megabyte gzipped, and a static import put
 * it in the home page's initial JS through every module that imports `core/io` (the records
 * store among them): 660 KB gzip instead of the budget's 300 (bench bundle row, 7 Dec).
 */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}

/** A sheet read from an XLSX workbook. */
export interface XlsxTable extends TextTable {
  /** Names of every worksheet, in workbook order. */
  sheetNames: string[]
  /** Name of the sheet read. */
  sheetName: string
}

/**
 * Reads one worksheet of an XLSX file (the first unless `sheet` names another): the first
 * non-blank row is the header, every cell becomes text via `cellText`.
 */
export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<XlsxTable> {
  const wb = new (await excel()).Workbook()
  await wb.xlsx.load(bytes as unknown as XlsxInput)
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet)
  const sheetNames = wb.worksheets.map(w => w.name)
  if (!ws) return { sheetNames, sheetName: sheet ?? '', headers: [], rows: [], wideRows: [], wideRowCount: 0 }
  const lines: string[][] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[]
    // row.values is 1-based: index 0 is always empty.
    lines.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1] ?? null)))
  })
  return { sheetNames, sheetName: ws.name, ...toTable(lines) }
}

/** A number shown with an Excel number format (an amount: `"¥"#,##0.00`). */
export interface XlsxNumber {
  number: number
  numFmt: string
}

/** A cell written to XLSX: numbers and dates keep their type so Excel can compute with them. */
export type XlsxCell = string | number | boolean | Date | XlsxNumber | null

/**
 * Writes a one-sheet XLSX workbook with a bold, frozen header row. Date cells are written as
 * Excel dates shown 'yyyy-mm-dd' (pass `Date.UTC` midnight for a calendar day); `XlsxNumber`
 * cells as numbers with their number format.
 */
export async function writeXlsx(sheetName: string, headers: readonly string[], rows: readonly (readonly XlsxCell[])[]): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook()
  const ws = wb.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.addRow([...headers]).font = { bold: true }
  const dateColumns = new Set<number>()
  for (const row of rows) {
    const formats: [number, string][] = []
    const added = ws.addRow(headers.map((_, i) => {
      const cell = row[i] ?? null
      if (cell instanceof Date) dateColumns.add(i + 1)
      if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
        formats.push([i + 1, cell.numFmt])
        return cell.number
      }
      return cell
    }))
    for (const [col, numFmt] of formats) added.getCell(col).numFmt = numFmt
  }
  for (const col of dateColumns) ws.getColumn(col).numFmt = 'yyyy-mm-dd'
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length * 2 + 2))
  })
  const buf = await wb.xlsx.writeBuffer()
  return new Uint8Array(buf as unknown as ArrayBuffer)
}

/** Excel refuses sheet names longer than 31 characters or containing : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  const s = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31)
  return s === '' ? 'Sheet1' : s
}

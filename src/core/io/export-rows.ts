import type { FormatContext } from '../fields/behaviour'
import type { FieldDef, RecordRow } from '../schema/types'
import type { XlsxCell } from './xlsx'
import { behaviourOf } from '../fields/registry'
import { moneyNumFmt } from '../fields/shared/number-format'
import { labelText } from '../utils/label'
import { toCsv } from './csv-write'
import { escapeFormula } from './formula-escape'
import { writeXlsx } from './xlsx'

/** Options of `exportRows`. */
export interface ExportOptions extends FormatContext {
  format: 'csv' | 'xlsx'
  /**
   * Worksheet name of an XLSX export.
   * @default 'Sheet1'
   */
  sheetName?: string
}

/** A file ready to download. */
export interface ExportFile {
  bytes: Uint8Array
  mimeType: string
  extension: 'csv' | 'xlsx'
}

const PLAIN_NUMBER = /^-?\d[\d,]*(?:\.\d+)?%?$/

/**
 * The text of each cell as people read it (option labels, member names, formatted dates and
 * amounts), guarded against formula injection. A plain negative number in a number field
 * (-12.5) is left alone so spreadsheets still read it as a number.
 */
export function exportTextRows(records: readonly RecordRow[], columns: readonly FieldDef[], ctx: FormatContext): string[][] {
  return records.map(r => columns.map((f) => {
    const text = behaviourOf(f).format(r.values[f.id], f, ctx)
    return isNumeric(f) && PLAIN_NUMBER.test(text) ? text : escapeFormula(text)
  }))
}

/**
 * XLSX cells: numbers as numbers, amounts (money, formulas with a currency) as numbers with a
 * currency number format (so Excel sums them), calendar dates as Excel dates, the rest as text.
 * Text needs no formula escaping here: XLSX string cells are never evaluated (import them
 * with `formulaEscaped: false`).
 */
export function exportXlsxRows(records: readonly RecordRow[], columns: readonly FieldDef[], ctx: FormatContext): XlsxCell[][] {
  return records.map(r => columns.map((f): XlsxCell => {
    const v = r.values[f.id]
    const money = moneyOf(f)
    if (money && typeof v === 'number' && Number.isFinite(v)) return { number: v, numFmt: moneyNumFmt(money.currency, money.precision) }
    if (behaviourOf(f).measure === 'amount' && typeof v === 'number' && Number.isFinite(v)) return v
    if (f.type === 'date' && (f.options?.granularity ?? 'date') === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
      return new Date(`${v}T00:00:00.000Z`)
    const text = behaviourOf(f).format(v, f, ctx)
    return text === '' ? null : text
  }))
}

/**
 * Exports records with the given columns as CSV (UTF-8 with BOM, so Excel opens Chinese
 * correctly) or XLSX. Headers are the field labels in `locale`. Importing the file again
 * into the same form gives the same values.
 */
export async function exportRows(records: readonly RecordRow[], columns: readonly FieldDef[], opts: ExportOptions): Promise<ExportFile> {
  const headers = columns.map(f => labelText(f.label, opts.locale))
  if (opts.format === 'csv') {
    const text = toCsv(headers.map(escapeFormula), exportTextRows(records, columns, opts))
    return { bytes: new TextEncoder().encode(text), mimeType: 'text/csv;charset=utf-8', extension: 'csv' }
  }
  const bytes = await writeXlsx(opts.sheetName ?? 'Sheet1', headers, exportXlsxRows(records, columns, opts))
  return { bytes, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' }
}

/** The currency and decimals of a field holding amounts: money, or a number formula with a currency. */
function moneyOf(f: FieldDef): { currency?: string, precision: number } | undefined {
  if (f.type === 'money') return { currency: f.options?.currency, precision: f.options?.precision ?? 2 }
  if (f.type === 'formula' && f.options.currency) return { currency: f.options.currency, precision: f.options.precision ?? 2 }
  return undefined
}

/** Stored as a plain number, written by the field as digits (number, money, percent, rating). */
function isNumeric(f: FieldDef): boolean {
  const b = behaviourOf(f)
  return b.editsStored && b.queryKind(f) === 'number'
}

/** Messages between the import worker and its client (structured-clone friendly). */
import type { DetectedEncoding, EncodingDoubt, TextEncodingChoice } from '../core/io/decode'
import type { DateFormatDetection } from '../core/io/date-format'
import type { ImportInput, ImportPlan } from '../core/io/import-types'
import type { FileRefusal } from '../core/io/sniff'
import type { WideRow } from '../core/io/table'
import type { FieldDef } from '../core/schema/types'

/** Options of reading a file. */
export interface ParseOptions {
  fileName: string
  /** @default 'auto' */
  encoding?: TextEncodingChoice
  /** XLSX sheet to read; the first by default. */
  sheet?: string
  /** Rows used to propose fields and detect the date format. @default 2000 */
  sampleSize?: number
}

/** A file read in the worker. */
export interface ParsedFile {
  kind: 'csv' | 'xlsx'
  headers: string[]
  rows: string[][]
  /** CSV only. */
  encoding?: DetectedEncoding
  /** CSV only, when 'auto' was unsure: the user is asked to pick the encoding. */
  encodingDoubt?: EncodingDoubt
  delimiter?: string
  /** XLSX only. */
  sheetNames?: string[]
  /** Date format of the columns that look like dates. */
  dateFormat: DateFormatDetection
  /** Fields proposed for "new form from this file". */
  proposedFields: FieldDef[]
  /** CSV parse problems (unbalanced quotes ...). */
  warnings: { row: number, message: string }[]
  /** Rows with cells beyond the header (those cells are not imported): the first ones. */
  wideRows: WideRow[]
  wideRowCount: number
  /** Identifies the file's bytes, so an interrupted import can resume with the same file. */
  fingerprint: string
}

/** `ImportInput` without its functions: the worker compiles the form's validator itself. */
export type PlanRequest = Omit<ImportInput, 'validate' | 'relationTitles'> & {
  /** Per related form id: [title, record ids] pairs. */
  relationTitles?: Record<string, [string, string[]][]>
}

/** A message to the worker. */
export type ImportRequest
  = | { type: 'parse', id: number, bytes: Uint8Array, options: ParseOptions }
    | { type: 'plan', id: number, input: PlanRequest }
    | { type: 'cancel', id: number }

/** A message from the worker. */
export type ImportResponse
  = | { type: 'progress', id: number, phase: 'parse' | 'plan', fraction: number }
    | { type: 'parsed', id: number, result: ParsedFile }
    | { type: 'planned', id: number, result: ImportPlan }
    | { type: 'error', id: number, message: string, cancelled: boolean, refusal?: FileRefusal }

/** Messages between the import worker and its client (structured-clone friendly). */
import type { DetectedEncoding, EncodingDoubt, TextEncodingChoice } from '../core/io/decode'
import type { DateFormatDetection } from '../core/io/date-format'
import type { StageDateColumn } from '../core/io/backdate-events'
import type { PackedBatch } from '../core/io/packed-batch'
import type { ImportInput, ImportPlan } from '../core/io/import-types'
import type { PlanSummary } from '../core/io/plan-summary'
import type { FileRefusal } from '../core/io/sniff'
import type { WideRow } from '../core/io/table'
import type { FieldDef, FieldOf, FormDef } from '../core/schema/types'

/** Options of reading a file. */
export interface ParseOptions {
  fileName: string
  /** @default 'auto' */
  encoding?: TextEncodingChoice
  /** XLSX sheet to read; the first by default. */
  sheet?: string
  /** Rows used to propose fields and detect the date format. @default 2000 */
  sampleSize?: number
  /**
   * Post back only the first `head` rows (the worker keeps them all, for a plan of the whole
   * file): for a page that shows a preview and counts, not every row. @default every row
   */
  head?: number
  /**
   * `'sample'`: propose fields from the sampled rows alone, without completing select choices
   * from every row (`completeChoices`) — for a page that imports into a form it has and shows
   * no proposals; that pass over the whole file cost 0.46 s of a 100k-row parse (Node profile).
   * @default 'file'
   */
  proposals?: 'file' | 'sample'
}

/** A file read in the worker. */
export interface ParsedFile {
  kind: 'csv' | 'xlsx'
  headers: string[]
  /** The data rows; only the first `ParseOptions.head` of them when the parse asked for a head. */
  rows: string[][]
  /** How many data rows the file has (`rows.length` unless only a head was posted). */
  rowCount: number
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
  /** The worker keeps the last file's rows under this id: a plan of the whole file names it instead of sending the rows back. */
  fileId: number
}

/** `ImportInput` without its functions: the worker compiles the form's validator itself. */
export type PlanRequest = Omit<ImportInput, 'validate' | 'relationTitles' | 'rows'> & {
  /** The rows to plan (the preview's first rows), or else `fileId`. */
  rows?: ImportInput['rows']
  /** Every row of the file the worker read last (`ParsedFile.fileId`), kept there. */
  fileId?: number
  /** Per related form id: [title, record ids] pairs. */
  relationTitles?: Record<string, [string, string[]][]>
}

/**
 * Builds the batches of a plan the worker kept (`keep` on its plan request) and posts them one
 * by one: insert-only plans of forms that read no other form's records.
 */
export interface BuildRequest {
  /** Id of the plan request whose plan is written (the worker keeps the last kept plan). */
  planId: number
  /** The form as it is now (serial counters included). */
  form: FormDef
  /** Every form's definition, for `{formId.fieldId}` references in formulas. */
  forms: FormDef[]
  memberId?: string
  importId: string
  /** Ids of the import's records already stored (resuming): their lines are not written again. */
  stored: string[]
  batchSize: number
  stageDates?: { field: FieldOf<'stage'>, columns: StageDateColumn[] }
}

/** How many built batches the worker posts ahead of the page's last committed one. */
export const BUILD_AHEAD = 2

/** A message to the worker. */
export type ImportRequest
  = | { type: 'parse', id: number, bytes: Uint8Array, options: ParseOptions }
    /** With `keep`, the worker keeps the plan (for 'build' and 'plan-of') and posts its `PlanSummary`. */
    | { type: 'plan', id: number, input: PlanRequest, keep?: boolean }
    /** The whole of the kept plan `planId` (for writing it on the page: updates, other forms' lookups). */
    | { type: 'plan-of', id: number, planId: number }
    | { type: 'build', id: number, input: BuildRequest }
    /** The page committed batch `index` of build `id`: the worker may build further. */
    | { type: 'ack', id: number, index: number }
    | { type: 'cancel', id: number }

/** A message from the worker. */
export type ImportResponse
  = | { type: 'progress', id: number, phase: 'parse' | 'plan', fraction: number }
    | { type: 'parsed', id: number, result: ParsedFile }
    | { type: 'planned', id: number, result: ImportPlan | PlanSummary }
    | { type: 'batch', id: number, batch: PackedBatch }
    /** Every batch of build `id` was posted. */
    | { type: 'built', id: number, result: { batches: number } }
    | { type: 'error', id: number, message: string, cancelled: boolean, refusal?: FileRefusal }

import type { LocalizedMessage } from '../fields/behaviour'
import type { RecordPatch, ValuesValidator } from '../records/mutations'
import type { FormDef, Locale, Member, RecordRow } from '../schema/types'
import type { ColumnMapping } from './auto-map'
import type { DateFormatId } from './date-format'

/** Record titles of a form: title text -> ids of the records with that title. */
export type RelationTitles = (formId: string) => ReadonlyMap<string, readonly string[]>

/** Everything `planImport` needs. */
export interface ImportInput {
  headers: readonly string[]
  /** Data rows (no header), each aligned with `headers`. */
  rows: readonly (readonly string[])[]
  /** Column index -> field id or null (skip). */
  mapping: ColumnMapping
  form: FormDef
  /** Format of date cells in the file; without it only year-first dates are read. */
  dateFormat?: DateFormatId | null
  /** A field whose value identifies an existing record: matching rows update it, others insert. */
  upsertKey?: string
  /** The form's current records (for upsert and unique checks). */
  existing: readonly RecordRow[]
  /** Titles of related forms' records, to link relation cells by title. */
  relationTitles?: RelationTitles
  /** Validates each whole record (after an update is merged into the existing values). */
  validate: ValuesValidator
  /** Workspace members, to read member names. */
  members?: readonly Member[]
  /**
   * The cells were written with `escapeFormula` (CSV, whose exports quote formula-like cells):
   * one leading quote before = + - @ is dropped. Set false for XLSX, whose cells are typed.
   * @default true
   */
  formulaEscaped?: boolean
  /**
   * Language of field labels in `rejected`.
   * @default 'zh-CN'
   */
  locale?: Locale
}

/** One refused cell (or record-level problem) of a rejected row. */
export interface RejectedCell {
  /** Line number as the user sees it in the file: data row index + 2 (line 1 is the header). */
  row: number
  /** Header text of the column ('' for a problem with no column, e.g. a required field not in the file). */
  column: string
  fieldId: string
  /** Field label in the plan's locale. */
  field: string
  /** The cell text as it was in the file. */
  value: string
  reason: LocalizedMessage
}

/** What an import will do, computed before anything is written. */
export interface ImportPlan {
  formId: string
  /** Values of new records, keyed by field id (empty values left out). */
  inserts: Record<string, unknown>[]
  /** The file line of each insert (aligned with `inserts`), which an import's record ids are made of. */
  insertLines: number[]
  /** Changes to existing records matched by the upsert key (only the file's columns). */
  updates: RecordPatch[]
  /** Every problem of every refused row; a row with any problem is refused whole. */
  rejected: RejectedCell[]
  /** Number of refused rows. */
  rejectedRows: number
  /** Number of data rows in the file. */
  totalRows: number
}

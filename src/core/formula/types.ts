/** Public types shared by the checker, the evaluator and the dependency graph. */
import type { FieldDef, Label } from '../schema/types'

/** The result type of a formula. */
export type FormulaType = 'number' | 'text' | 'date' | 'boolean' | 'any'

/** The static type of a sub-expression: a result type, or a list (subform column, multi-select, other form's field). */
export type ExprType = FormulaType | 'list'

/** Another form of the app, so `{formId.fieldId}` references (MAPX) can be checked and shown by label. */
export interface FormRef {
  id: string
  name?: Label
  fields: readonly FieldDef[]
}

/** What the checker needs to know: the form's fields, optionally the app's other forms. */
export interface FormulaCheckContext {
  /** The fields of the form the formula lives in. */
  fields: readonly FieldDef[]
  /** Other forms; when omitted, `{formId.fieldId}` references are accepted unchecked. */
  forms?: readonly FormRef[]
  /** Id of the formula field being edited: referring to it is reported. */
  selfId?: string
}

/** A row of another form, as `lookupRows` returns it. */
export interface LookupRow {
  values: Readonly<Record<string, unknown>>
}

/** Everything evaluation needs besides the record's values. */
export interface FormulaContext extends FormulaCheckContext {
  /** "Now" for TODAY()/NOW(), epoch ms (or a function giving it). Defaults to Date.now(). */
  now?: number | (() => number)
  /** IANA zone for TODAY(), NOW() and ISO instants. Defaults to the runtime's local zone. */
  timeZone?: string
  /** Rows of another form, for MAPX and `{formId.fieldId}` lists. Missing: such lists are empty. */
  lookupRows?: (formId: string) => readonly LookupRow[]
  /**
   * Columns of other forms already read, shared by the evaluations of one write (a MAPX over
   * 10k rows would otherwise rebuild its columns for every record). An entry is used only while
   * `lookupRows` still returns the same array. Give a fresh Map per write.
   */
  foreignColumns?: Map<string, ForeignColumn>
}

/** A column of another form as read for one `lookupRows` array. */
export interface ForeignColumn {
  rows: readonly LookupRow[]
  column: unknown
}

/** What a function implementation may ask of its surroundings. */
export interface EvalEnv {
  timeZone?: string
  /** Current instant, epoch ms. */
  now: () => number
}

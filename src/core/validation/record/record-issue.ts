import type { Label } from '../../schema/types'
import type { LocalizedMessage } from '../issue'

/** Why a record value is refused. */
export type RecordIssueCode
  = | 'required' | 'computed' | 'unknownField' | 'forbiddenKey' | 'type' | 'option' | 'stage'
    | 'min' | 'max' | 'precision' | 'maxLength' | 'format' | 'pattern' | 'duplicate' | 'member' | 'invalid'

/** One refused value of a record, named by the field's label. */
export interface RecordIssue {
  fieldId: string
  /** The field's label ('' for keys that are no field). */
  label: Label
  code: RecordIssueCode
  message: LocalizedMessage
  /** For subform values: the 0-based row and the sub-field at fault. */
  row?: number
  subFieldId?: string
}

/** Options of one record validation. */
export interface RecordValidateOptions {
  /** Check only the values present (a cell edit): required fields may be absent. Default false. */
  partial?: boolean
  /** 'reject' (default): values for computed fields are errors; 'ignore': accepted (restore, internal writes). */
  computed?: 'reject' | 'ignore'
  /** When given, member values must be one of these ids. */
  memberIds?: readonly string[]
}

/** Validates a record's values; [] when they are valid. */
export type RecordValidator = (values: unknown, opts?: RecordValidateOptions) => RecordIssue[]

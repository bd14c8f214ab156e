import type { LocalizedMessage } from '../fields/behaviour'

export type { LocalizedMessage }

/** Why a document (or part of it) is invalid. */
export type IssueCode
  = | 'invalidJson' | 'tooDeep' | 'tooLarge' | 'notObject' | 'newerVersion' | 'olderVersion' | 'invalidVersion'
    | 'required' | 'unexpectedProperty' | 'type' | 'const' | 'enum' | 'missingType' | 'unknownType'
    | 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'minItems' | 'maxItems' | 'pattern' | 'format'
    | 'uniqueItems' | 'filterGroup' | 'reservedName' | 'invalid'
    | 'forbiddenKey' | 'duplicateId' | 'duplicateOptionId' | 'danglingReference' | 'wrongFieldType'
    | 'stageOutcomes' | 'stageOrder' | 'invalidPattern' | 'minGreaterThanMax' | 'missingChoices'

/** One problem in a document: where (JSON pointer), what (code, params) and a message naming the place in words. */
export interface ValidationIssue {
  /** JSON pointer to the offending value, e.g. `/fields/3/options/choices`. */
  path: string
  code: IssueCode
  params: Record<string, unknown>
  message: LocalizedMessage
}

/** A valid document (typed), or every issue found. */
export type ValidationResult<T>
  = | { ok: true, value: T }
    | { ok: false, issues: ValidationIssue[] }

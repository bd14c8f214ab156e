/**
 * Diagnostics of the formula engine (syntax, reference and type errors): each carries its
 * span, a stable code and its message in both locales.
 */
import type { Locale } from '../schema/types'
import { FORMULA_MESSAGES } from './messages'

/** Stable codes of formula diagnostics: the keys of the message table, so a code cannot lack its texts. */
export type FormulaErrorCode = keyof typeof FORMULA_MESSAGES

/** Parameters interpolated into a message. */
export type FormulaErrorParams = Record<string, string | number>

/** A formula diagnostic. `message` is English; `messages` holds every locale. */
export interface FormulaError {
  code: FormulaErrorCode
  /** Start offset (UTF-16, inclusive) in the expression the error is about. */
  start: number
  /** End offset (exclusive). */
  end: number
  /** Errors make the formula unusable; warnings (e.g. text used as a number) do not. */
  severity: 'error' | 'warning'
  params: FormulaErrorParams
  message: string
  messages: Record<Locale, string>
}

const WARNINGS: ReadonlySet<FormulaErrorCode> = new Set<FormulaErrorCode>(['TEXT_AS_NUMBER'])

/** Builds a diagnostic with its messages in every locale. */
export function formulaError(code: FormulaErrorCode, start: number, end: number, params: FormulaErrorParams = {}): FormulaError {
  const entry = FORMULA_MESSAGES[code]
  const messages: Record<Locale, string> = { 'zh-CN': entry['zh-CN'](params), 'en': entry.en(params) }
  return { code, start, end, severity: WARNINGS.has(code) ? 'warning' : 'error', params, message: messages.en, messages }
}

/** The message of a diagnostic in a locale, e.g. for an editor tooltip. */
export function formatFormulaError(err: FormulaError, locale: Locale): string {
  return err.messages[locale]
}

/** True when the list holds at least one error (warnings do not count). */
export function hasFormulaErrors(errors: readonly FormulaError[]): boolean {
  return errors.some(e => e.severity === 'error')
}

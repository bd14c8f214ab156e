/**
 * Guarding exported cells against formula injection (OWASP "CSV injection"): spreadsheet
 * programs run a cell beginning with = + - @ (or tab / carriage return) as a formula. Such a
 * cell is written with a leading single quote, which Excel shows as text. Cells already
 * starting with quotes before such a character get one more, so unescaping is exact.
 */
const RISKY = /^'*[=+\-@\t\r]/

/** True when a cell would start a formula in a spreadsheet (after any leading quotes). */
export function isFormulaLike(text: string): boolean {
  return RISKY.test(text)
}

/** Prefixes a single quote to a formula-like cell; other text is returned unchanged. */
export function escapeFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text
}

/** Reverses `escapeFormula`: drops one leading quote when what follows is formula-like. */
export function unescapeFormula(text: string): string {
  return text.startsWith('\'') && isFormulaLike(text.slice(1)) ? text.slice(1) : text
}

/**
 * The one definition of "empty" used by filters, sorting, grouping and aggregates:
 * null, undefined, '', [] and NaN are empty. Whitespace and 0 and false are values.
 */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  return typeof value === 'number' && Number.isNaN(value)
}

/** The common emptiness rule: null, undefined, '' and [] are empty; false and 0 are not. */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

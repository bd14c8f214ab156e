import { isEmptyValue } from './empty'

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })

/** Wraps a comparison of non-empty values so that empty values sort last. */
export function emptyLast(cmp: (a: unknown, b: unknown) => number, isEmpty = isEmptyValue) {
  return (a: unknown, b: unknown): number => {
    const ea = isEmpty(a)
    const eb = isEmpty(b)
    if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1
    return cmp(a, b)
  }
}

/** Numbers ascending; non-numbers after numbers. */
export function compareNumbers(a: unknown, b: unknown): number {
  const na = typeof a === 'number' ? a : Number.NaN
  const nb = typeof b === 'number' ? b : Number.NaN
  if (Number.isNaN(na) || Number.isNaN(nb)) return Number.isNaN(na) === Number.isNaN(nb) ? 0 : Number.isNaN(na) ? 1 : -1
  return na - nb
}

/** Text in Chinese collation (pinyin), numbers inside text compared numerically. */
export function compareText(a: unknown, b: unknown): number {
  return collator.compare(textOf(a), textOf(b))
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(textOf).join(',')
  return value === null || value === undefined ? '' : JSON.stringify(value)
}

/** Plain code-unit order: right for ISO dates and datetimes. */
export function compareCodeUnits(a: unknown, b: unknown): number {
  const sa = String(a)
  const sb = String(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/** Order of ids by their position in an option list; unknown ids after known ones, by text. */
export function compareByIndex(ids: readonly string[]) {
  return (a: unknown, b: unknown): number => {
    const ia = ids.indexOf(String(a))
    const ib = ids.indexOf(String(b))
    if (ia === -1 || ib === -1) return ia === ib ? compareText(a, b) : ia === -1 ? 1 : -1
    return ia - ib
  }
}

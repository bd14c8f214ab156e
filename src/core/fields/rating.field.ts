import type { FieldBehaviour, ParseResult } from './behaviour'
import type { FieldOf } from '../schema/types'
import { compareNumbers, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { parseNumberText } from './shared/number-text'
import { fail, ok } from './shared/result'
import { NUMBER_TRAITS } from './shared/traits'

/** Highest rating when the field sets none. */
export const DEFAULT_RATING_MAX = 5

/** A star rating: an integer 0..max (max defaults to 5). Pastes "4", "4/5" or "★★★★". */
export const ratingField: FieldBehaviour<'rating'> = {
  type: 'rating',
  computed: false,
  emptyValue: null,
  valueSchema: field => ({ type: 'integer', minimum: 0, maximum: maxOf(field) }),
  parseText,
  format: value => (typeof value === 'number' ? String(value) : ''),
  compare: emptyLast(compareNumbers),
  isEmpty: isEmptyValue,
  convertFrom: makeConvert<'rating'>(parseText, null, (value, _from, to) =>
    (typeof value === 'number' ? parseText(String(Math.round(value)), to) : undefined)),
  ...NUMBER_TRAITS,
  newOptions: () => ({ max: 5 }),
}

function maxOf(field: FieldOf<'rating'>): number {
  return field.options?.max ?? DEFAULT_RATING_MAX
}

function parseText(text: string, field: FieldOf<'rating'>): ParseResult {
  const s = text.trim()
  if (s === '') return ok(null)
  const stars = /^[★☆]+$/.test(s) ? [...s].filter(c => c === '★').length : undefined
  const n = stars ?? parseNumberText(s.replace(/\s*\/\s*\d+$/, ''))?.value
  const max = maxOf(field)
  if (n === undefined || !Number.isInteger(n) || n < 0 || n > max) {
    return fail(`评分应为 0 到 ${max} 的整数，而不是「${s}」`, `a rating must be a whole number from 0 to ${max}, not "${s}"`)
  }
  return ok(n)
}

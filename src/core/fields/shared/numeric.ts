import type { FieldOf } from '../../schema/types'
import type { FieldBehaviour, FormatContext, ParseResult } from '../behaviour'
import { compareNumbers, emptyLast } from './compare'
import { makeConvert } from './convert'
import { isEmptyValue } from './empty'
import { parseNumberText, roundTo } from './number-text'
import { fail, ok } from './result'
import { NUMBER_TRAITS } from './traits'
import { noOptionsOf } from './new-options'

type NumericType = 'number' | 'money' | 'percent'

/**
 * A behaviour for number-valued types. `percentSign` says what a trailing % means for the
 * type: 'divide' (number: 25% is 0.25), 'keep' (percent: 25% is 25), 'refuse' (money).
 */
export function numeric<T extends NumericType>(
  type: T,
  percentSign: 'divide' | 'keep' | 'refuse',
  format: (n: number, field: FieldOf<T>, ctx: FormatContext) => string,
): FieldBehaviour<T> {
  const parseText = (text: string, field: FieldOf<T>): ParseResult => {
    if (text.trim() === '') return ok(null)
    const parsed = parseNumberText(text)
    if (!parsed) return fail(`「${text.trim()}」不是数字`, `"${text.trim()}" is not a number`)
    if (parsed.percent && percentSign === 'refuse') return fail(`金额不能是百分比：「${text.trim()}」`, `an amount cannot be a percentage: "${text.trim()}"`)
    const n = parsed.percent && percentSign === 'divide' ? parsed.value / 100 : parsed.value
    return ok(roundTo(n, optionsOf(field).precision))
  }
  return {
    type,
    computed: false,
    emptyValue: null,
    valueSchema: (field) => {
      const o = optionsOf(field)
      return {
        type: 'number',
        ...(o.min === undefined ? {} : { minimum: o.min }),
        ...(o.max === undefined ? {} : { maximum: o.max }),
        ...(o.precision === undefined ? {} : { maxDecimals: o.precision }),
      }
    },
    parseText,
    format: (value, field, ctx) => (typeof value === 'number' && Number.isFinite(value) ? format(value, field, ctx) : ''),
    compare: emptyLast(compareNumbers),
    isEmpty: isEmptyValue,
    convertFrom: makeConvert<T>(parseText, null, (value, _from, to) => {
      if (typeof value === 'number') return ok(roundTo(value, optionsOf(to).precision))
      if (typeof value === 'boolean') return ok(value ? 1 : 0)
      return undefined
    }),
    ...NUMBER_TRAITS,
    newOptions: noOptionsOf<T>(),
  }
}

function optionsOf(field: FieldOf<NumericType>): { precision?: number, min?: number, max?: number } {
  return field.options ?? {}
}

import type { FieldDef, FieldOf, FieldType } from '../../schema/types'
import type { ParseContext, ParseResult } from '../behaviour'
import { isEmptyValue } from './empty'
import { plainText } from './plain-text'
import { fail, ok } from './result'

/** A type-specific conversion rule; undefined means "no direct rule, go through text". */
export type DirectRule<T extends FieldType> = (value: unknown, from: FieldDef, to: FieldOf<T>, ctx?: ParseContext) => ParseResult | undefined

type Parse<T extends FieldType> = (text: string, field: FieldOf<T>, ctx?: ParseContext) => ParseResult

/**
 * Builds a `convertFrom`: same type keeps the value, empty stays empty, then the direct rule,
 * then the value's plain text parsed as the new type.
 */
export function makeConvert<T extends FieldType>(parse: Parse<T>, emptyValue: unknown, direct?: DirectRule<T>) {
  return (value: unknown, from: FieldDef, to: FieldOf<T>, ctx?: ParseContext): ParseResult => {
    if (isEmptyValue(value)) return ok(emptyValue)
    if (from.type === to.type) return ok(value)
    const rule = direct?.(value, from, to, ctx)
    if (rule) return rule
    return parse(plainText(value, from), to, ctx)
  }
}

/** The `convertFrom` of types that cannot take values from another type. */
export function notConvertible(value: unknown, from: FieldDef, to: FieldDef): ParseResult {
  if (isEmptyValue(value) || from.type === to.type) return ok(value ?? null)
  return fail(`无法从「${from.type}」类型转换为「${to.type}」类型，原值将被清空`, `cannot convert a ${from.type} value to ${to.type}; the value would be cleared`)
}

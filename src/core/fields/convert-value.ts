import type { FieldDef } from '../schema/types'
import type { ParseContext, ParseResult } from './behaviour'
import { behaviourOf } from './registry'

/** Converts one value when a field changes from `fromField` to `toField` (the new definition). */
export function convertValue(value: unknown, fromField: FieldDef, toField: FieldDef, ctx?: ParseContext): ParseResult {
  return behaviourOf(toField).convertFrom(value, fromField, toField, ctx)
}

/** Parses pasted or imported text into a value of the field. */
export function parseFieldText(text: string, field: FieldDef, ctx?: ParseContext): ParseResult {
  return behaviourOf(field).parseText(text, field, ctx)
}

import type { ParseContext, ParseResult } from '../fields/behaviour'
import type { FieldDef } from '../schema/types'
import { behaviourOf } from '../fields/registry'
import { unescapeFormula } from './formula-escape'

/** Parses a relation cell; see `relationResolver`. */
export type RelationParser = (text: string, field: Extract<FieldDef, { type: 'relation' }>) => ParseResult

/**
 * Coerces one imported cell into a field value: undoes CSV formula escaping, drops
 * a number field's unit suffix ("12 kg"), links relations by title when a resolver is given,
 * and otherwise defers to the field type's `parseText`.
 */
export function coerceCell(raw: string, field: FieldDef, ctx: ParseContext, relation?: RelationParser, formulaEscaped = true): ParseResult {
  let text = formulaEscaped ? unescapeFormula(raw) : raw
  if (field.type === 'relation' && relation) return relation(text, field)
  if (field.type === 'number' && field.options?.unit) {
    const unit = field.options.unit
    const t = text.trim()
    if (t.endsWith(unit)) text = t.slice(0, -unit.length)
  }
  return behaviourOf(field).parseText(text, field, ctx)
}

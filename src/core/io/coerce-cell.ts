import type { ParseContext, ParseResult } from '../fields/behaviour'
import type { FieldDef } from '../schema/types'
import { behaviourOf } from '../fields/registry'
import { unescapeFormula } from './formula-escape'

/** Parses a relation cell; see `relationResolver`. */
export type RelationParser = (text: string, field: Extract<FieldDef, { type: 'relation' }>) => ParseResult

/** Coerces the cells of one column: `coerceCell` with the field and context fixed. */
export type CellCoercer = (raw: string) => ParseResult

/**
 * Distinct cell texts remembered per column. A column of choices, dates, members or amounts
 * repeats a few hundred texts across 100k rows; a column that overflows this (titles, notes)
 * stops remembering.
 */
export const COERCE_MEMO_LIMIT = 4096

/** Types whose parse is more than a copy of the text: worth remembering per distinct text. */
const MEMO_TYPES = new Set<FieldDef['type']>(['number', 'money', 'percent', 'rating', 'date', 'checkbox', 'select', 'stage', 'member'])

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

/**
 * `coerceCell` for every cell of one column, compiled once per column. For types whose value
 * is a plain scalar (numbers, dates, choices, members) the result of each distinct text is
 * remembered, up to `COERCE_MEMO_LIMIT` texts; results holding objects or arrays are never
 * shared between rows. Same results as `coerceCell`, cell for cell.
 */
export function cellCoercer(field: FieldDef, ctx: ParseContext, relation?: RelationParser, formulaEscaped = true): CellCoercer {
  const coerce = (raw: string): ParseResult => coerceCell(raw, field, ctx, relation, formulaEscaped)
  if (!MEMO_TYPES.has(field.type)) return coerce
  let memo: Map<string, ParseResult> | undefined = new Map()
  return (raw) => {
    const hit = memo?.get(raw)
    if (hit) return hit
    const res = coerce(raw)
    if (memo && (!res.ok || res.value === null || typeof res.value !== 'object')) {
      if (memo.size >= COERCE_MEMO_LIMIT) memo = undefined
      else memo.set(raw, res)
    }
    return res
  }
}

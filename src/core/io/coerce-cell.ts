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
const MEMO_TYPES = new Set<FieldDef['type']>(['number', 'money', 'percent', 'rating', 'date', 'checkbox', 'select', 'multiselect', 'stage', 'member'])

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
 * `coerceCell` for every cell of one column, compiled once per column. The result of each
 * distinct text is remembered (up to `COERCE_MEMO_LIMIT` texts) for types whose parse is more
 * than a copy of the text, and the empty cell's for every type. Results holding a list of
 * scalars are handed out as a fresh copy of the list, other results holding objects are never
 * remembered, so no two rows share a value. Same results as `coerceCell`, cell for cell.
 */
export function cellCoercer(field: FieldDef, ctx: ParseContext, relation?: RelationParser, formulaEscaped = true): CellCoercer {
  const coerce = columnCoercer(field, ctx, relation, formulaEscaped)
  // undefined: not computed yet; null: not shareable (computed for every empty cell).
  let empty: ParseResult | null | undefined
  const emptyCell = (): ParseResult => {
    if (empty === undefined) {
      const res = coerce('')
      empty = shareable(res) ? res : null
      return empty === null ? res : handOut(res)
    }
    return empty === null ? coerce('') : handOut(empty)
  }
  if (!MEMO_TYPES.has(field.type)) return raw => (raw === '' ? emptyCell() : coerce(raw))
  let memo: Map<string, ParseResult> | undefined = new Map()
  return (raw) => {
    if (raw === '') return emptyCell()
    const hit = memo?.get(raw)
    if (hit) return handOut(hit)
    const res = coerce(raw)
    if (memo && shareable(res)) {
      if (memo.size >= COERCE_MEMO_LIMIT) memo = undefined
      else {
        memo.set(raw, res)
        return handOut(res)
      }
    }
    return res
  }
}

/** `coerceCell` with the field's behaviour, unit and relation parser looked up once. */
function columnCoercer(field: FieldDef, ctx: ParseContext, relation: RelationParser | undefined, formulaEscaped: boolean): CellCoercer {
  if (field.type === 'relation' && relation) return raw => relation(formulaEscaped ? unescapeFormula(raw) : raw, field)
  const behaviour = behaviourOf(field)
  const unit = field.type === 'number' ? field.options?.unit : undefined
  if (!unit) return raw => behaviour.parseText(formulaEscaped ? unescapeFormula(raw) : raw, field, ctx)
  return (raw) => {
    let text = formulaEscaped ? unescapeFormula(raw) : raw
    const t = text.trim()
    if (t.endsWith(unit)) text = t.slice(0, -unit.length)
    return behaviour.parseText(text, field, ctx)
  }
}

/** A result that may be remembered: a refusal, a scalar, or a list of scalars (copied on each use). */
function shareable(res: ParseResult): boolean {
  if (!res.ok || res.value === null || typeof res.value !== 'object') return true
  return Array.isArray(res.value) && res.value.every(v => v === null || typeof v !== 'object')
}

/** A remembered result as one row may keep it: lists copied, everything else shared. */
function handOut(res: ParseResult): ParseResult {
  return res.ok && Array.isArray(res.value) ? { ok: true, value: res.value.slice() } : res
}

/**
 * Conversion of stored field values into formula values, by field type: numbers, text,
 * 'YYYY-MM-DD' / ISO strings and epoch ms to dates, checkbox to logic, multi-values to lists.
 */
import { behaviourOf } from '../fields/registry'
import type { FieldDef } from '../schema/types'
import { parseNumberText } from './coerce'
import { dateFromEpoch, parseDateText } from './dates'
import type { ExprType } from './types'
import type { FormulaValue, Scalar } from './values'
import { ERROR_CODES, errorValue, isDate, isError } from './values'

function isFormulaValueObject(raw: object): raw is Exclude<Scalar, null | string | number | boolean> {
  const t = (raw as { type?: unknown }).type
  return (t === 'date' || t === 'error') && !Array.isArray(raw)
}

/** A scalar from an arbitrary stored item: primitives kept, objects by name/label/id. */
function scalarOf(raw: unknown): Scalar {
  if (raw === null || raw === undefined || raw === '') return null
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : errorValue('#NUM!')
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    if (isFormulaValueObject(raw)) return raw
    const o = raw as Record<string, unknown>
    for (const key of ['name', 'label', 'id']) if (typeof o[key] === 'string') return o[key] as string
  }
  return errorValue('#VALUE!')
}

function dateOf(raw: unknown, timeZone?: string): Scalar {
  if (raw === null || raw === undefined || raw === '') return null
  if (typeof raw === 'number') return Number.isFinite(raw) ? dateFromEpoch(raw, timeZone) : errorValue('#VALUE!')
  if (typeof raw === 'string') return parseDateText(raw, timeZone) ?? errorValue('#VALUE!')
  const s = scalarOf(raw)
  return isDate(s) || isError(s) ? s : errorValue('#VALUE!')
}

function numberOf(raw: unknown): Scalar {
  if (typeof raw === 'string') return raw.trim() === '' ? null : parseNumberText(raw) ?? raw
  return scalarOf(raw)
}

function listOf(raw: unknown): FormulaValue {
  if (raw === null || raw === undefined || raw === '') return []
  if (!Array.isArray(raw)) return [scalarOf(raw)]
  return raw.map(scalarOf)
}

function formulaResultOf(raw: unknown, type: ExprType | undefined, timeZone?: string): FormulaValue {
  if (typeof raw === 'string' && (ERROR_CODES as readonly string[]).includes(raw)) return errorValue(raw as (typeof ERROR_CODES)[number])
  if (type === 'date') return dateOf(raw, timeZone)
  if (Array.isArray(raw)) return raw.map(scalarOf)
  return scalarOf(raw)
}

/**
 * The formula value of a stored field value, by the field's formula type (its behaviour's
 * `exprType`). A subform is a list of its row numbers
 * (1..n), so COUNT({子表}) is its row count; formula fields may hold typed results
 * already (dates, errors) or their stored forms (`'#DIV/0!'`, 'YYYY-MM-DD').
 */
export function fieldValueToFormula(field: FieldDef | undefined, raw: unknown, timeZone?: string, formulaType?: ExprType): FormulaValue {
  if (!field) return Array.isArray(raw) ? raw.map(scalarOf) : scalarOf(raw)
  if (field.type === 'formula') return formulaResultOf(raw, formulaType ?? field.options.resultType, timeZone)
  if (field.type === 'subform') return Array.isArray(raw) ? raw.map((_, i) => i + 1) : []
  switch (behaviourOf(field).exprType(field)) {
    case 'number': return numberOf(raw)
    case 'date': return dateOf(raw, timeZone)
    case 'boolean': return raw === null || raw === undefined || raw === '' ? null : typeof raw === 'string' ? raw.toUpperCase() === 'TRUE' : Boolean(raw)
    case 'list': return listOf(raw)
    default: return Array.isArray(raw) ? listOf(raw) : scalarOf(raw)
  }
}

/** The values object of a subform row: `{ values: {...} }` or a plain object. */
export function rowValues(row: unknown): Readonly<Record<string, unknown>> {
  if (typeof row !== 'object' || row === null) return {}
  const inner = (row as { values?: unknown }).values
  return typeof inner === 'object' && inner !== null ? inner as Record<string, unknown> : row as Record<string, unknown>
}

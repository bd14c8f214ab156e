import type { RecordRow } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import type { QueryColumn } from './columns'
import { dayOfValue, msOfValue } from './dates'
import { isEmptyValue } from './empty'
import { numberOf } from './predicates/number-predicate'
import { toIds } from './predicates/read'
import type { Ranks } from './ranks'
import { rankCodeUnitTexts, rankNumbers } from './ranks'
import { rankCollatedTexts } from './text-ranks'
import { textOf } from './text'
import type { MemberNames, QueryKind } from './types'

/**
 * Ascending ranks of one column over records, per kind: numbers and dates by value, text by
 * collation, select/stage by option position (values no longer among the options after them),
 * checkbox unchecked before checked, multiselect by its options' positions, members by name.
 */
export function rankColumn(records: readonly RecordRow[], column: QueryColumn, members?: MemberNames): Ranks {
  switch (column.kind) {
    case 'number': case 'date': case 'datetime': case 'bool': case 'presence':
      return rankNumbers(numberKeys(records, column))
    case 'text': case 'generic': return rankCollatedTexts(records.map(r => textOf(column.get(r))))
    case 'option': return rankOptions(records, column)
    case 'idSet': return rankIdSets(records, column, members)
    case 'none': return { ranks: new Int32Array(records.length), size: 1 }
    default: return assertNever(column.kind, 'query kind')
  }
}

/** True for kinds sorted by a number key (numberKey): numbers, dates, datetimes, checkboxes, presence. */
export function hasNumberKey(kind: QueryKind): boolean {
  return kind === 'number' || kind === 'date' || kind === 'datetime' || kind === 'bool' || kind === 'presence'
}

/** The number keys of records (see numberKey). */
export function numberKeys(records: readonly RecordRow[], column: QueryColumn): Float64Array {
  const out = new Float64Array(records.length)
  for (let i = 0; i < records.length; i++) out[i] = numberKey(column, records[i]!)
  return out
}

/**
 * The sort key of a record as a number (NaN = empty) for kinds with hasNumberKey: numbers,
 * dates (days), datetimes (epoch ms), checkboxes (0 / 1), presence (item count); NaN otherwise.
 */
export function numberKey(column: QueryColumn, record: RecordRow): number {
  return numberKeyOf(column.kind, column.get(record))
}

/** numberKey of a column's raw value `v` (what column.get gives). */
export function numberKeyOf(kind: QueryKind, v: unknown): number {
  switch (kind) {
    case 'number': return numberOf(v)
    case 'date': return dayOfValue(v)
    case 'datetime': return msOfValue(v)
    case 'bool': return v === true ? 1 : 0
    case 'presence': return isEmptyValue(v) ? Number.NaN : Array.isArray(v) ? v.length : 1
    case 'text': case 'generic': case 'option': case 'idSet': case 'none': return Number.NaN
    default: return assertNever(kind, 'query kind')
  }
}

function rankOptions(records: readonly RecordRow[], column: QueryColumn): Ranks {
  const options = column.options ?? []
  const position = new Map(options.map((o, i) => [o.id, i]))
  const size = options.length + 1
  const ranks = new Int32Array(records.length)
  for (let i = 0; i < records.length; i++) {
    const v = column.get(records[i]!)
    ranks[i] = isEmptyValue(v) ? size : typeof v === 'string' ? position.get(v) ?? options.length : options.length
  }
  return { ranks, size }
}

function rankIdSets(records: readonly RecordRow[], column: QueryColumn, members?: MemberNames): Ranks {
  if (column.options) {
    // Multiselect: compare the sorted option positions as a sequence (one char per position).
    const position = new Map(column.options.map((o, i) => [o.id, i]))
    const keys = records.map((r) => {
      const ps = toIds(column.get(r)).map(id => position.get(id) ?? column.options!.length).sort((a, b) => a - b)
      return String.fromCharCode(...ps.map(p => p + 1))
    })
    return rankCodeUnitTexts(keys)
  }
  const name = (id: string): string => (column.isMember ? members?.get(id) ?? id : id)
  return rankCollatedTexts(records.map(r => toIds(column.get(r)).map(name).join(', ')))
}

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
import type { MemberNames } from './types'

/**
 * Ascending ranks of one column over records, per kind: numbers and dates by value, text by
 * collation, select/stage by option position (values no longer among the options after them),
 * checkbox unchecked before checked, multiselect by its options' positions, members by name.
 */
export function rankColumn(records: readonly RecordRow[], column: QueryColumn, members?: MemberNames): Ranks {
  const n = records.length
  const get = column.get
  switch (column.kind) {
    case 'number': return rankNumbers(floats(n, i => numberOf(get(records[i]!))))
    case 'date': return rankNumbers(floats(n, i => dayOfValue(get(records[i]!))))
    case 'datetime': return rankNumbers(floats(n, i => msOfValue(get(records[i]!))))
    case 'text': case 'generic': return rankCollatedTexts(records.map(r => textOf(get(r))))
    case 'option': return rankOptions(records, column)
    case 'bool': return rankNumbers(floats(n, i => (get(records[i]!) === true ? 1 : 0)))
    case 'presence': return rankNumbers(floats(n, i => { const v = get(records[i]!); return isEmptyValue(v) ? Number.NaN : Array.isArray(v) ? v.length : 1 }))
    case 'idSet': return rankIdSets(records, column, members)
    case 'none': return { ranks: new Int32Array(n), size: 1 }
    default: return assertNever(column.kind, 'query kind')
  }
}

function floats(n: number, at: (i: number) => number): Float64Array {
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = at(i)
  return out
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

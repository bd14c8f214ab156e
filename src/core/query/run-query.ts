import type { FieldDef, RecordRow, SortKey } from '../schema/types'
import { compileFilter } from './compile-filter'
import { compileSearch } from './search'
import { pickByIndex, sortIndex } from './sort'
import type { MemberNames, QueryEnv } from './types'

/** What a grid view asks for: a filter, a search text and sort keys, all optional. */
export interface QuerySpec {
  filter?: unknown
  search?: string
  sort?: readonly SortKey[]
}

/** The visible records in order, with the counts for "x of y records". */
export interface QueryResult {
  records: RecordRow[]
  /** Records before filtering and search. */
  total: number
  /** Records passing filter and search (= records.length). */
  matched: number
}

/**
 * Filters (compileFilter), searches (compileSearch) and sorts (sortIndex) in one pass over the
 * records. Without sort keys, input order is kept. `members` feeds search and member sorting.
 */
export function runQuery(records: readonly RecordRow[], spec: QuerySpec, fields: readonly FieldDef[], env: QueryEnv, members?: MemberNames): QueryResult {
  const filter = compileFilter(spec.filter, fields, env)
  const search = compileSearch(spec.search ?? '', fields, { members })
  const visible: RecordRow[] = []
  for (const record of records) if (filter(record) && search(record)) visible.push(record)
  const sorted = spec.sort && spec.sort.length > 0 ? pickByIndex(visible, sortIndex(visible, spec.sort, fields, { members })) : visible
  return { records: sorted, total: records.length, matched: sorted.length }
}

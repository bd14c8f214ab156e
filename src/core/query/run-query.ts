import type { FieldDef, RecordRow, SortKey } from '../schema/types'
import { compileFilter } from './compile-filter'
import { compileSearch, searchWords } from './search'
import type { LookupSourceOf } from './search-rows'
import { MAX_SEARCH_WORDS, searchPlan, searchRows, searchSpecs } from './search-rows'
import { openRows } from './rows-cache'
import { pickByIndex, sortPositions, sortSpecs } from './sort'
import type { MemberNames, QueryEnv, RecordPredicate } from './types'

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
 * Filters (compileFilter), searches (compileSearch's rules) and sorts (sortIndex's rules) the
 * records. Without sort keys, input order is kept. `members` feeds search and member sorting;
 * `sourceOf` lets search find lookups of option / member fields by label.
 * Search texts and number sort keys are cached per records array and kept up to date by record
 * identity (rows-cache.ts): the first query over an array builds them, later ones (the next
 * keystroke, another sort) reuse them and recompute only replaced, added or removed rows.
 */
export function runQuery(records: readonly RecordRow[], spec: QuerySpec, fields: readonly FieldDef[], env: QueryEnv, members?: MemberNames, sourceOf?: LookupSourceOf): QueryResult {
  const filter = compileFilter(spec.filter, fields, env)
  const words = searchWords(spec.search ?? '')
  const view = openRows(records)
  const plan = words.length > 0 && words.length <= MAX_SEARCH_WORDS ? searchPlan(fields, members, sourceOf) : undefined
  const sort = spec.sort ?? []
  // Everything this query reads from the cache is built in one pass over the records.
  view.columns([...(plan ? searchSpecs(plan, words) : []), ...sortSpecs(sort, fields)])
  const positions = plan
    ? searchRows(records, view, plan, words, spec.filter === undefined ? undefined : filter)
    : passing(records, words.length > 0 ? and(filter, compileSearch(spec.search ?? '', fields, { members })) : filter)
  const order = sort.length > 0 ? sortPositions(records, view, positions, sort, fields, { members }) : positions
  const sorted = pickByIndex(records, order)
  return { records: sorted, total: records.length, matched: sorted.length }
}

/**
 * Builds the quick-search cache of a records array ahead of the first search (the app calls it
 * when the browser is idle after a form opens), so the first keystroke costs what later ones do.
 */
export function warmSearch(records: readonly RecordRow[], fields: readonly FieldDef[], members?: MemberNames, sourceOf?: LookupSourceOf): void {
  openRows(records).columns(searchSpecs(searchPlan(fields, members, sourceOf)))
}

function passing(records: readonly RecordRow[], predicate: RecordPredicate): Int32Array {
  const out = new Int32Array(records.length)
  let count = 0
  for (let i = 0; i < records.length; i++) if (predicate(records[i]!)) out[count++] = i
  return out.slice(0, count)
}

function and(a: RecordPredicate, b: RecordPredicate): RecordPredicate {
  return r => a(r) && b(r)
}

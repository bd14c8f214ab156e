import type { FieldDef, RecordRow } from '../schema/types'
import { indexFields, resolveColumn } from './columns'
import type { ColumnMatch } from './search-columns'
import { searchColumn } from './search-columns'
import { MAX_SEARCH_WORDS } from './search-rows'
import { foldCase } from './text'
import type { MemberNames, RecordPredicate } from './types'

/** Options of quick search. */
export interface SearchOptions {
  /** Member names, so member fields are found by name. */
  members?: MemberNames
}

/**
 * A predicate for the grid's search box. The text is split on whitespace; a record matches
 * when every word occurs (ignoring case) in some searchable column: text-like fields (text,
 * textarea, phone, email, url, serial, address, lookups, text formulas), select / multiselect /
 * stage option labels in both locales, and member names when `members` is given.
 * Numbers and dates are not searched (use a filter). Blank text matches every record.
 */
export function compileSearch(text: string, fields: readonly FieldDef[], options: SearchOptions = {}): RecordPredicate {
  const words = searchWords(text)
  if (words.length === 0) return () => true
  if (words.length > MAX_SEARCH_WORDS) {
    const head = compileSearch(words.slice(0, MAX_SEARCH_WORDS).join(' '), fields, options)
    const rest = compileSearch(words.slice(MAX_SEARCH_WORDS).join(' '), fields, options)
    return r => head(r) && rest(r)
  }
  const index = indexFields(fields)
  const columns: ColumnMatch[] = []
  for (const f of fields) {
    const column = resolveColumn(f.id, index)
    const match = column && searchColumn(column, words, options.members)
    if (match) columns.push(match)
  }
  const all = (1 << words.length) - 1
  return (record) => {
    let need = all
    for (let i = 0; i < columns.length; i++) {
      need &= ~columns[i]!(record, need)
      if (need === 0) return true
    }
    return false
  }
}

/** The distinct folded words of a search text (split on whitespace). */
export function searchWords(text: string): string[] {
  return [...new Set(foldCase(text).split(/\s+/).filter(w => w !== ''))]
}

/** The records matching a quick search, in their input order. */
export function quickSearch(records: readonly RecordRow[], text: string, fields: readonly FieldDef[], options: SearchOptions = {}): RecordRow[] {
  return records.filter(compileSearch(text, fields, options))
}

import type { FieldDef, RecordRow } from '../schema/types'
import { labelText } from '../utils/label'
import type { QueryColumn } from './columns'
import { indexFields, resolveColumn } from './columns'
import { toIds } from './predicates/read'
import { foldCase, textOf } from './text'
import type { MemberNames, QueryOption, RecordPredicate } from './types'

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
  const words = foldCase(text).split(/\s+/).filter(w => w !== '')
  if (words.length === 0) return () => true
  const index = indexFields(fields)
  const readers = fields
    .map(f => resolveColumn(f.id, index))
    .map(c => (c ? searchText(c, options.members) : undefined))
    .filter(r => r !== undefined)
  return (record) => {
    const texts: (string | undefined)[] = new Array(readers.length)
    return words.every(word => readers.some((read, i) => (texts[i] ??= read(record)).includes(word)))
  }
}

/** The records matching a quick search, in their input order. */
export function quickSearch(records: readonly RecordRow[], text: string, fields: readonly FieldDef[], options: SearchOptions = {}): RecordRow[] {
  return records.filter(compileSearch(text, fields, options))
}

type SearchText = (record: RecordRow) => string

function searchText(column: QueryColumn, members?: MemberNames): SearchText | undefined {
  const get = column.get
  switch (column.kind) {
    case 'text': case 'generic': return r => foldCase(textOf(get(r)))
    case 'option': case 'idSet': {
      if (column.options) { const labels = optionLabels(column.options); return r => toIds(get(r)).map(id => labels.get(id) ?? '').join('\n') }
      if (column.isMember && members) return r => toIds(get(r)).map(id => foldCase(members.get(id) ?? '')).join('\n')
      return undefined
    }
    default: return undefined
  }
}

function optionLabels(options: readonly QueryOption[]): Map<string, string> {
  return new Map(options.map(o => [o.id, foldCase(`${labelText(o.label, 'zh-CN')}\n${labelText(o.label, 'en')}`)]))
}

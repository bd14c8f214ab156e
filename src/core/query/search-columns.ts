import type { RecordRow } from '../schema/types'
import { labelText } from '../utils/label'
import type { QueryColumn } from './columns'
import { foldCaseFast, isRigidWord } from './fold'
import { textOf } from './text'
import type { MemberNames, QueryOption } from './types'

/**
 * Tests one searchable column of a record against search words: sets bit k of the result when
 * word k occurs in the column's folded text. `need` has the bits still unmatched.
 */
export type ColumnMatch = (record: RecordRow, need: number) => number

/**
 * The matcher of one column for folded, whitespace-free words (at most 31), or undefined when
 * the column is not searched: text-like columns by their folded text, option columns by their
 * labels in both locales, member columns by name (only when `members` is given). Label and
 * name columns are decided once per word (the set of ids whose text holds it), so a record
 * costs a Set lookup; a text column calls toLowerCase only when a word is not rigid and the
 * text has characters that fold (see fold.ts).
 */
export function searchColumn(column: QueryColumn, words: readonly string[], members?: MemberNames): ColumnMatch | undefined {
  switch (column.kind) {
    case 'text': case 'generic': return textMatch(column.get, words)
    case 'option': case 'idSet': {
      if (column.options) return idMatch(column.get, words, optionTexts(column.options))
      if (column.isMember && members) return idMatch(column.get, words, [...members].map(([id, name]) => [id, foldCaseFast(name)]))
      return undefined
    }
    default: return undefined
  }
}

function textMatch(get: (r: RecordRow) => unknown, words: readonly string[]): ColumnMatch {
  const rigid = words.map(isRigidWord)
  return (record, need) => {
    const v = get(record)
    const raw = typeof v === 'string' ? v : textOf(v)
    if (raw === '') return 0
    let folded: string | undefined
    let found = 0
    for (let k = 0; k < words.length; k++) {
      const bit = 1 << k
      if ((need & bit) === 0) continue
      const word = words[k]!
      if (raw.includes(word)) found |= bit
      else if (!rigid[k] && (folded ??= foldCaseFast(raw)) !== raw && folded.includes(word)) found |= bit
    }
    return found
  }
}

function idMatch(get: (r: RecordRow) => unknown, words: readonly string[], texts: readonly (readonly [string, string])[]): ColumnMatch {
  const ids = new Map<string, number>()
  for (const [id, text] of texts) {
    let mask = 0
    for (let k = 0; k < words.length; k++) if (text.includes(words[k]!)) mask |= 1 << k
    if (mask !== 0) ids.set(id, mask)
  }
  if (ids.size === 0) return () => 0
  return (record) => {
    const v = get(record)
    if (typeof v === 'string') return ids.get(v) ?? 0
    if (!Array.isArray(v)) return 0
    let found = 0
    for (const id of v) if (typeof id === 'string') found |= ids.get(id) ?? 0
    return found
  }
}

function optionTexts(options: readonly QueryOption[]): [string, string][] {
  return options.map(o => [o.id, foldCaseFast(`${labelText(o.label, 'zh-CN')}\n${labelText(o.label, 'en')}`)])
}

import type { FieldDef, RecordRow } from '../schema/types'
import { labelText } from '../utils/label'
import type { IdRows } from './cached-columns'
import { idRows, MANY_IDS } from './cached-columns'
import type { QueryColumn } from './columns'
import type { ColumnSpec, RowsView } from './rows-cache'
import { indexFields, resolveColumn } from './columns'
import { foldCaseFast, isRigidWord } from './fold'
import type { AllTexts, TextRows } from './text-rows'
import { textRows } from './text-rows'
import type { MemberNames, QueryOption, RecordPredicate } from './types'

/** At most this many distinct words (one bit each in a per-row mask). */
export const MAX_SEARCH_WORDS = 30

/** The columns quick search reads: text-like ones, and id columns with their folded labels. */
export interface SearchPlan {
  texts: QueryColumn[]
  labelled: { column: QueryColumn, labels: ReadonlyMap<string, string> }[]
}

/** The field a lookup shows (in the linked form), so its option or member ids are searched by label. */
export type LookupSourceOf = (field: FieldDef) => FieldDef | undefined

/** Labels of the ids a lookup holds when its source field is an option or member field; undefined otherwise. */
function lookupLabels(source: FieldDef | undefined, members?: MemberNames): Map<string, string> | undefined {
  switch (source?.type) {
    case 'select': case 'multiselect': return optionLabels(source.options.choices)
    case 'stage': return optionLabels(source.options.stages)
    case 'member': return members ? memberLabels(members) : undefined
    default: return undefined
  }
}

/**
 * Which columns of a form quick search reads (compileSearch's rules). With `sourceOf`, a lookup
 * of an option or member field is searched by the labels it shows rather than its stored ids.
 */
export function searchPlan(fields: readonly FieldDef[], members?: MemberNames, sourceOf?: LookupSourceOf): SearchPlan {
  const index = indexFields(fields)
  const plan: SearchPlan = { texts: [], labelled: [] }
  for (const f of fields) {
    const column = resolveColumn(f.id, index)
    if (!column) continue
    const labels = f.type === 'lookup' && sourceOf ? lookupLabels(sourceOf(f), members) : undefined
    if (labels) {
      plan.labelled.push({ column, labels })
      continue
    }
    if (column.kind === 'text' || column.kind === 'generic') plan.texts.push(column)
    else if (column.kind !== 'option' && column.kind !== 'idSet') continue
    else if (column.options) plan.labelled.push({ column, labels: optionLabels(column.options) })
    else if (column.isMember && members) plan.labelled.push({ column, labels: memberLabels(members) })
  }
  return plan
}

/**
 * The cached columns a search for `words` reads: one per text column, then one per id column
 * whose labels hold one of the words (a column where none does cannot match: it is not read at
 * all). Without words, every id column (warmSearch builds them ahead of the first keystroke).
 */
export function searchSpecs(plan: SearchPlan, words?: readonly string[]): ColumnSpec[] {
  return specsOf(plan, labelledFor(plan, words))
}

function specsOf(plan: SearchPlan, labelled: SearchPlan['labelled']): ColumnSpec[] {
  return [...plan.texts.map(textRows), ...labelled.map(l => idRows(l.column))]
}

function labelledFor(plan: SearchPlan, words: readonly string[] | undefined): SearchPlan['labelled'] {
  if (!words) return plan.labelled
  return plan.labelled.filter(({ labels }) => {
    for (const label of labels.values()) if (words.some(w => label.includes(w))) return true
    return false
  })
}

/**
 * The positions of the rows of `records` (cached in `view`, see openRows) that pass `filter`
 * and contain every search word (folded, whitespace-free, distinct, at most MAX_SEARCH_WORDS)
 * in some column of `plan`. Reads each text-like column's cached texts (a word without letters,
 * isRigidWord, in the texts as stored; others in their folded form): row by row on the column's
 * first search, then joined into one string searched with indexOf from match to match (see
 * TextRows); and the ids of option / member columns whose labels hold a word, matched once
 * per distinct id.
 */
export function searchRows(records: readonly RecordRow[], view: RowsView, plan: SearchPlan, words: readonly string[], filter?: RecordPredicate): Int32Array {
  const labelled = labelledFor(plan, words)
  const cached = view.columns(specsOf(plan, labelled))
  const textCols = cached.slice(0, plan.texts.length) as TextRows[]
  const idCols = cached.slice(plan.texts.length) as IdRows[]
  const all = (1 << words.length) - 1
  const idColumns = labelled.map(({ column, labels }, c) => {
    const rows = idCols[c]!
    const masks = new Int32Array(rows.ids.length)
    for (let code = 0; code < masks.length; code++) masks[code] = wordMask(labels.get(rows.ids[code]!) ?? '', words)
    const manyMask = (record: RecordRow): number => {
      const v = column.get(record)
      let m = 0
      if (Array.isArray(v)) for (const id of v) if (typeof id === 'string' && id !== '') m |= wordMask(labels.get(id) ?? '', words)
      return m
    }
    return { codes: rows.codes, masks, manyMask, hits: masks.some(m => m !== 0) || rows.codes.includes(MANY_IDS) }
  }).filter(c => c.hits) // columns where no id's label holds a word are not read per row
  // need[i]: the words row i still lacks, as bits; cleared per word over each column's texts.
  const need = new Int32Array(records.length).fill(all)
  const rigid = words.map(isRigidWord)
  for (const col of textCols) {
    for (let k = 0; k < words.length; k++) {
      const joined = col.joined(!rigid[k])
      if (joined) clearJoined(need, joined, words[k]!, k)
      else clearRows(need, col.texts(!rigid[k]), words[k]!, k)
    }
    col.noteSearch()
  }
  const out = new Int32Array(records.length)
  let count = 0
  for (let i = 0; i < records.length; i++) {
    let left = need[i]!
    for (let c = 0; left !== 0 && c < idColumns.length; c++) {
      const { codes, masks, manyMask } = idColumns[c]!
      const code = codes[i]!
      if (code >= 0) left &= ~masks[code]!
      else if (code === MANY_IDS) left &= ~manyMask(records[i]!)
    }
    if (left === 0 && (!filter || filter(records[i]!))) out[count++] = i
  }
  return out.slice(0, count)
}

/** Clears bit k of need[i] for every row i whose text (in `joined`) holds `word`: indexOf from match to match. */
function clearJoined(need: Int32Array, { text, starts }: AllTexts, word: string, k: number): void {
  if (text === '') return
  const bit = ~(1 << k)
  let row = 0
  for (let p = text.indexOf(word); p !== -1; p = text.indexOf(word, starts[row + 1]!)) {
    while (starts[row + 1]! <= p) row++
    need[row]! &= bit
  }
}

/** The same per row: includes on the rows that still lack the word (a column's first search: see TextRows). */
function clearRows(need: Int32Array, texts: readonly string[] | undefined, word: string, k: number): void {
  if (!texts) return
  const bit = 1 << k
  for (let i = 0; i < texts.length; i++) {
    if ((need[i]! & bit) === 0) continue
    const t = texts[i]!
    if (t.length >= word.length && t.includes(word)) need[i]! &= ~bit
  }
}

function wordMask(text: string, words: readonly string[]): number {
  let mask = 0
  for (let k = 0; k < words.length; k++) if (text.includes(words[k]!)) mask |= 1 << k
  return mask
}

function optionLabels(options: readonly QueryOption[]): Map<string, string> {
  return new Map(options.map(o => [o.id, foldCaseFast(`${labelText(o.label, 'zh-CN')}\n${labelText(o.label, 'en')}`)]))
}

function memberLabels(members: MemberNames): Map<string, string> {
  return new Map([...members].map(([id, name]) => [id, foldCaseFast(name)]))
}

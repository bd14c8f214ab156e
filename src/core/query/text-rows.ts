import { columnKey } from './cached-columns'
import type { QueryColumn } from './columns'
import { foldCaseFast } from './fold'
import { resizeArray } from './rows-cache'
import type { CachedColumn, ColumnSpec } from './rows-cache'
import { textOf } from './text'

/**
 * Cached texts of one text-like column, kept as they are stored (no copy per row): per row
 * textOf(value), '' when empty (a column empty in every row holds no array at all); `folded`
 * the same of foldCaseFast(text), made on first use (only words with letters need it: see
 * isRigidWord).
 *
 * The first search of the column since it was made or last changed reads these texts row by
 * row (`texts`); from the second on, `joined` gives every row's text in one string, searched
 * with a few indexOf calls instead of one call per row. Joining costs about three per-row
 * searches (it copies every text), so it is only worth it once the column is searched again.
 * A change to any row drops the joined strings (this column only).
 */
export interface TextRows extends CachedColumn {
  /** Per row its text (folded ones when `folded`); undefined while every row is empty. */
  texts: (folded: boolean) => readonly string[] | undefined
  /** The joined texts when the column was searched (noteSearch) since it last changed; undefined otherwise. */
  joined: (folded: boolean) => AllTexts | undefined
  /** Tells the column a search read it: the next search (without changes between) joins. */
  noteSearch: () => void
}

/** All rows' texts in one string: row i is `text.slice(starts[i], starts[i + 1] - 1)`. */
export interface AllTexts { text: string, starts: Int32Array }

const NO_TEXT: AllTexts = { text: '', starts: new Int32Array(1) }

/** The cached search text of one text-like column. */
export function textRows(column: QueryColumn): ColumnSpec<TextRows> {
  const key = `text\u0000${columnKey(column)}`
  return { key, valueKey: column.valueKey, make: () => {
    let n = 0
    /** Undefined while every row is empty. */
    let texts: string[] | undefined
    /** Folded texts: undefined = not made yet, null = the same as `texts` (nothing folds). */
    let folded: string[] | null | undefined
    let joined: AllTexts | undefined
    let joinedFolded: AllTexts | undefined
    /** True once a search read the texts as they are now. */
    let searched = false
    const changed = (): void => { joined = undefined; joinedFolded = undefined; searched = false }
    const foldedTexts = (): string[] | undefined => {
      if (!texts) return undefined
      if (folded === undefined) folded = foldAll(texts)
      return folded ?? texts
    }
    const setValue = (i: number, v: unknown): void => {
      const t = typeof v === 'string' ? v : textOf(v)
      if (!texts) {
        if (t === '') return
        texts = new Array<string>(n).fill('')
      }
      if (texts[i] === t) return
      texts[i] = t
      if (folded === null) {
        const f = foldCaseFast(t)
        if (f !== t) { folded = texts.slice(); folded[i] = f }
      }
      else if (folded) folded[i] = foldCaseFast(t)
      changed()
    }
    return {
      resize: (m) => {
        n = m
        if (texts) resizeArray(texts, m, '')
        if (folded) resizeArray(folded, m, '')
        changed()
      },
      move: (from, to) => {
        if (!texts) return
        texts[to] = texts[from]!
        if (folded) folded[to] = folded[from]!
        changed()
      },
      set: (i, record) => setValue(i, column.get(record)),
      setValue,
      texts: f => (f ? foldedTexts() : texts),
      joined: (f) => {
        if (!searched) return undefined
        if (!f || foldedTexts() === texts) return (joined ??= texts ? joinAll(texts) : NO_TEXT)
        return (joinedFolded ??= joinAll(folded!))
      },
      noteSearch: () => { searched = true },
    }
  } }
}

/** foldCaseFast of every text; null when that changes none of them. */
function foldAll(texts: readonly string[]): string[] | null {
  let out: string[] | null = null
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!
    const f = foldCaseFast(t)
    if (f === t && out === null) continue
    out ??= texts.slice(0, i)
    out.push(f)
  }
  return out
}

function joinAll(texts: readonly string[]): AllTexts {
  const starts = new Int32Array(texts.length + 1)
  let at = 0
  for (let i = 0; i < texts.length; i++) { starts[i] = at; at += texts[i]!.length + 1 }
  starts[texts.length] = at
  return { text: texts.join('\n'), starts }
}

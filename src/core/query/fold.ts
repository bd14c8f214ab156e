import { foldCase } from './text'

/**
 * foldCase without calling toLowerCase when it cannot change the text: a string made only of
 * characters for which isCaseless holds is returned as it is. Lower-casing a two-byte string
 * goes through ICU and allocates a copy, which dominated quick search over Chinese text.
 * Same result as foldCase for every string.
 */
export function foldCaseFast(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (!isCaseless(s.charCodeAt(i))) return foldCase(s)
  }
  return s
}

/**
 * True for UTF-16 code units that toLowerCase leaves alone whatever surrounds them: ASCII but
 * A-Z, CJK symbols and punctuation (U+3000-303F), CJK ideographs (U+3400-4DBF, U+4E00-9FFF)
 * and full-width punctuation and digits (U+FF01-FF20). Conservative: anything else is folded.
 */
export function isCaseless(c: number): boolean {
  if (c < 0x80) return c < 0x41 || c > 0x5A
  return isCjk(c)
}

/**
 * True when a folded search word can only occur in the folded text where it occurs in the text
 * itself: every character is caseless and no other character lower-cases to it (ASCII digits
 * and punctuation, the CJK ranges of isCaseless). Then `foldCase(t).includes(w) === t.includes(w)`.
 */
export function isRigidWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c < 0x80 ? (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) : !isCjk(c)) return false
  }
  return true
}

function isCjk(c: number): boolean {
  if (c >= 0x4E00) return c <= 0x9FFF || (c >= 0xFF01 && c <= 0xFF20)
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x4DBF)
}

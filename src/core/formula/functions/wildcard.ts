/**
 * Excel wildcards: `*` any run, `?` one character, `~` escapes the next character. Text is
 * compared per code point without case.
 *
 * Matching is a greedy two-pointer glob walk (no RegExp, no backtracking beyond the last
 * star): O(text × pattern) at worst, however many stars the pattern has. A RegExp built
 * from `*a*a*a*a*a*b` took seconds on a 120-character text (hardening issue, finding 1).
 */

/** One compiled pattern element: a literal code point (folded), one character, or any run. */
type Glob = { kind: 'char', c: string } | { kind: 'one' } | { kind: 'star' }

/** A compiled wildcard pattern. */
export interface WildcardPattern {
  readonly globs: readonly Glob[]
  /** How many elements come before the first star (the part that fixes where a match starts). */
  readonly head: number
}

function fold(c: string): string {
  return c.toLowerCase()
}

/** Code points of a text, each folded, so positions stay code-point positions. */
export function foldedChars(text: string): string[] {
  return Array.from(text, fold)
}

/** Compiles a pattern; consecutive stars collapse into one. */
export function compileWildcard(pattern: string): WildcardPattern {
  const globs: Glob[] = []
  const cps = Array.from(pattern)
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] as string
    if (c === '~' && i + 1 < cps.length) globs.push({ kind: 'char', c: fold(cps[++i] as string) })
    else if (c === '*') { if (globs[globs.length - 1]?.kind !== 'star') globs.push({ kind: 'star' }) }
    else if (c === '?') globs.push({ kind: 'one' })
    else globs.push({ kind: 'char', c: fold(c) })
  }
  const star = globs.findIndex(g => g.kind === 'star')
  return { globs, head: star === -1 ? globs.length : star }
}

function fits(g: Glob, c: string): boolean {
  return g.kind === 'one' || (g.kind === 'char' && g.c === c)
}

/**
 * True when the pattern matches `text` from code point `from`: to its end when `whole`,
 * else any prefix of the rest. Classic greedy glob: on a mismatch only the last star is
 * widened by one, since a later star can absorb anything an earlier one could.
 */
function matchesFrom(p: WildcardPattern, text: readonly string[], from: number, whole: boolean): boolean {
  const { globs } = p
  let gi = 0
  let ti = from
  let starG = -1
  let starT = 0
  for (;;) {
    const g = globs[gi]
    if (g?.kind === 'star') {
      starG = gi++
      starT = ti
      continue
    }
    if (g === undefined && (!whole || ti === text.length)) return true
    if (g !== undefined && ti < text.length && fits(g, text[ti] as string)) {
      gi++
      ti++
      continue
    }
    if (starG === -1 || starT >= text.length) return false
    gi = starG + 1
    ti = ++starT
  }
}

/** True when the pattern matches the whole text (COUNTIF-style criteria). */
export function wildcardMatches(p: WildcardPattern, text: string): boolean {
  return matchesFrom(p, foldedChars(text), 0, true)
}

/**
 * The first code-point index at or after `from` where a match starts (SEARCH), or -1.
 * Only the part before the first star decides where a match may start; after it, matching
 * from the earliest such place succeeds whenever any later place would (the star takes
 * up the difference), so one try settles it.
 */
export function wildcardSearch(p: WildcardPattern, text: readonly string[], from: number): number {
  for (let i = from; i + p.head <= text.length; i++) {
    let ok = true
    for (let k = 0; k < p.head && ok; k++) ok = fits(p.globs[k] as Glob, text[i + k] as string)
    if (ok) return matchesFrom(p, text, i, false) ? i : -1
  }
  return -1
}

/** True when the text uses wildcards. */
export function hasWildcards(pattern: string): boolean {
  return /[*?]/.test(pattern)
}

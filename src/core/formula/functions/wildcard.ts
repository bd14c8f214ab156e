/** Excel wildcards: `*` any run, `?` one character, `~` escapes the next character. */

/** A RegExp for a wildcard pattern; `whole` anchors it to the entire text. */
export function wildcardRegExp(pattern: string, flags: string, whole: boolean): RegExp {
  let source = ''
  const cps = Array.from(pattern)
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] as string
    if (c === '~' && i + 1 < cps.length) { source += escapeRegExp(cps[i + 1] as string); i++ }
    else if (c === '*') source += '[\\s\\S]*'
    else if (c === '?') source += '[\\s\\S]'
    else source += escapeRegExp(c)
  }
  return new RegExp(whole ? `^${source}$` : source, flags)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** True when the text uses wildcards. */
export function hasWildcards(pattern: string): boolean {
  return /[*?]/.test(pattern)
}

/**
 * A static check that a user's regular expression (a text field's `pattern`, run by ajv in
 * unicode mode) cannot backtrack catastrophically: `^(a+)+$` took a second on 29 characters
 * and doubled with each more (hardening issue, finding 2).
 *
 * Refused: backreferences; a repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1) holding a
 * quantifier of varying count, unless a character no other part of the group can match opens
 * or closes it (`(-\d+)*` and `([a-z]+\.)+` are fine, `(a+)+` and `(\w+\s?)*` are not); a
 * repeated alternation whose branches can start alike (`(a|a)*`, `(a|ab)*`); and quantifiers
 * that compete for the same characters one after another (`\d+\d+`, `\w+\s?\w+`, `a?a?…a?`).
 * Character sets are compared on a sample alphabet (ASCII, a few others, and every character the
 * pattern names), so the check over-refuses rather than under-refuses.
 */
import type { LocalizedMessage } from '../fields/behaviour'

/** Why a pattern is refused. */
export type PatternRefusal = 'invalid' | 'tooLong' | 'backreference' | 'nestedQuantifier' | 'ambiguousAlternation' | 'competingQuantifiers'

/** The verdict on a pattern; `at` is the UTF-16 offset of the part refused. */
export type PatternVerdict = { ok: true } | { ok: false, reason: PatternRefusal, at: number }

/** Longest pattern accepted, in characters. */
export const MAX_PATTERN_LENGTH = 500

/** How many ways a run of competing quantifiers may split a text before it is refused (one unbounded quantifier). */
const UNBOUNDED = 1024
const MAX_AMBIGUITY = 2 * UNBOUNDED

type Mask = bigint

interface Quantified { min: number, max: number, at: number }
interface Atom extends Quantified { kind: 'atom', src: string }
interface Group extends Quantified { kind: 'group', alts: Node[][], look: boolean }
interface Assertion { kind: 'assert' }
type Node = Atom | Group | Assertion

class Refused {
  constructor(readonly reason: PatternRefusal, readonly at: number) {}
}

const BASE_SAMPLE = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\t', '\n', '\r', '\u00a0', '\u00e9', '\u00df', '\u03a9', '\u4e2d', '\u3000', '\uff10', '\u{1f600}',
]

/** Parses a (valid, unicode-mode) pattern into nodes. */
class PatternParser {
  i = 0
  constructor(readonly p: string) {}

  alternatives(): Node[][] {
    const alts: Node[][] = [[]]
    while (this.i < this.p.length && this.p[this.i] !== ')') {
      if (this.p[this.i] === '|') {
        this.i++
        alts.push([])
      }
      else (alts[alts.length - 1] as Node[]).push(this.term())
    }
    return alts
  }

  private term(): Node {
    const at = this.i
    const c = this.p[at] as string
    if (c === '^' || c === '$') {
      this.i++
      return { kind: 'assert' }
    }
    if (c === '(') return this.quantified(this.group(at), at)
    if (c === '\\' && /[bB]/.test(this.p[at + 1] ?? '')) {
      this.i += 2
      return { kind: 'assert' }
    }
    return this.quantified({ kind: 'atom', src: this.atomSource(), min: 1, max: 1, at }, at)
  }

  private group(at: number): Group {
    const rest = this.p.slice(at + 1, at + 4)
    let look = false
    if (rest.startsWith('?:')) this.i = at + 3
    else if (/^\?[=!]/.test(rest) || /^\?<[=!]/.test(rest)) {
      look = true
      this.i = at + (rest[1] === '<' ? 4 : 3)
    }
    else if (rest.startsWith('?<')) this.i = this.p.indexOf('>', at) + 1
    else this.i = at + 1
    const alts = this.alternatives()
    this.i++ // ')'
    return { kind: 'group', alts, look, min: 1, max: 1, at }
  }

  private atomSource(): string {
    const { p } = this
    const at = this.i
    const c = p[at] as string
    if (c === '[') {
      let j = at + 1
      if (p[j] === '^') j++
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1
      this.i = j + 1
    }
    else if (c === '\\') {
      const e = p[at + 1] ?? ''
      if (/[1-9]/.test(e) || e === 'k') throw new Refused('backreference', at)
      if ((e === 'u' && p[at + 2] === '{') || e === 'p' || e === 'P') this.i = p.indexOf('}', at) + 1
      else if (e === 'u') this.i = at + 6
      else if (e === 'x') this.i = at + 4
      else if (e === 'c') this.i = at + 3
      else this.i = at + 1 + ((p.codePointAt(at + 1) ?? 0) > 0xFFFF ? 2 : 1)
    }
    else this.i = at + String.fromCodePoint(p.codePointAt(at) ?? 0).length
    return p.slice(at, this.i)
  }

  private quantified<N extends Atom | Group>(node: N, at: number): N {
    const { p } = this
    const c = p[this.i]
    let range: [number, number] | null = null
    if (c === '*') range = [0, Infinity]
    else if (c === '+') range = [1, Infinity]
    else if (c === '?') range = [0, 1]
    if (range !== null) this.i++
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.i))
      if (m) {
        const min = Number(m[1])
        range = [min, m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])]
        this.i += m[0].length
      }
    }
    if (range === null) return node
    if (p[this.i] === '?') this.i++
    if (node.kind === 'group' && node.look) return node
    return { ...node, min: range[0], max: range[1], at }
  }
}

/** Character-set masks over the sample alphabet, one bit per sample character. */
class Masks {
  private readonly sample: string[]
  private readonly cache = new Map<string, Mask>()

  constructor(pattern: string) {
    this.sample = [...new Set([...BASE_SAMPLE, ...Array.from(pattern)])]
  }

  atom(src: string): Mask {
    let m = this.cache.get(src)
    if (m === undefined) {
      // A single character, class or escape, anchored: runs in constant time per character.
      const re = new RegExp(`^(?:${src})$`, 'u')
      m = 0n
      for (let b = 0; b < this.sample.length; b++) if (re.test(this.sample[b] as string)) m |= 1n << BigInt(b)
      this.cache.set(src, m)
    }
    return m
  }

  full(n: Node): Mask {
    if (n.kind === 'assert') return 0n
    if (n.kind === 'atom') return this.atom(n.src)
    let m = 0n
    for (const alt of n.alts) for (const x of alt) m |= this.full(x)
    return m
  }

  /** Characters a sequence can start with (from the left) or end with (reversed). */
  edge(seq: readonly Node[], fromEnd: boolean): Mask {
    let m = 0n
    const order = fromEnd ? [...seq].reverse() : seq
    for (const x of order) {
      if (x.kind === 'assert' || (x.kind === 'group' && x.look)) continue
      m |= x.kind === 'atom' ? this.atom(x.src) : this.groupEdge(x, fromEnd)
      if (!nullable(x)) break
    }
    return m
  }

  groupEdge(g: Group, fromEnd: boolean): Mask {
    let m = 0n
    for (const alt of g.alts) m |= this.edge(alt, fromEnd)
    return m
  }
}

function nullable(n: Node): boolean {
  if (n.kind === 'assert') return true
  if (n.min === 0) return true
  if (n.kind === 'atom') return false
  return n.look || n.alts.some(alt => alt.every(nullable))
}

function varies(n: Node): boolean {
  if (n.kind === 'assert') return false
  if (n.min !== n.max) return true
  return n.kind === 'group' && (n.alts.length > 1 || n.alts.some(alt => alt.some(varies)))
}

function repeats(n: Quantified): boolean {
  return n.max > 1
}

class Checker {
  constructor(private readonly masks: Masks) {}

  /** The number of ways a node may match a stretch of text, roughly; refuses what is ambiguous. */
  sequence(seq: readonly Node[]): number {
    let pending = 0n
    let ways = 1
    let worst = 1
    for (const n of seq) {
      if (n.kind === 'assert') continue
      const w = this.weight(n)
      if (n.kind === 'group' && n.look) continue
      const first = n.kind === 'atom' ? this.masks.atom(n.src) : this.masks.groupEdge(n, false)
      // What a following part competes with: a group ends on its last characters.
      const last = n.kind === 'atom' ? first : this.masks.groupEdge(n, true)
      const competes = (first & pending) !== 0n
      if (varies(n)) {
        if (competes) ways *= w
        else if (n.min !== 0) ways = w
        else ways = Math.max(ways, w)
        pending = competes || n.min === 0 ? pending | last : last
        if (ways > MAX_AMBIGUITY) throw new Refused('competingQuantifiers', n.at)
      }
      else if (!competes) {
        pending = 0n
        ways = 1
      }
      worst = Math.max(worst, ways)
    }
    return worst
  }

  private weight(n: Atom | Group): number {
    const count = n.max === Infinity ? UNBOUNDED : n.max - n.min + 1
    if (n.kind === 'atom') return count
    const inner = this.group(n)
    // Repeated groups are delimited (or refused), so each pass is settled; an optional one is skipped or taken.
    return repeats(n) ? count : inner + (n.min === 0 ? 1 : 0)
  }

  private group(g: Group): number {
    let inner = 1
    for (const alt of g.alts) inner = Math.max(inner, this.sequence(alt))
    if (g.alts.length > 1 && !this.disjointBranches(g)) inner = Math.max(inner, g.alts.length)
    if (repeats(g)) {
      if (g.alts.length > 1 && !this.disjointBranches(g)) throw new Refused('ambiguousAlternation', g.at)
      if (g.alts.some(alt => alt.some(varies)) && !this.delimited(g)) throw new Refused('nestedQuantifier', g.at)
      if (g.alts.some(alt => alt.some(x => x.kind === 'group' && x.alts.length > 1 && !this.disjointBranches(x)))) throw new Refused('ambiguousAlternation', g.at)
    }
    return inner
  }

  /** Branches that cannot start with the same character, none of them empty. */
  private disjointBranches(g: Group): boolean {
    let seen = 0n
    for (const alt of g.alts) {
      if (alt.every(nullable)) return false
      const first = this.masks.edge(alt, false)
      if ((first & seen) !== 0n) return false
      seen |= first
    }
    return true
  }

  /** A one-branch group opened or closed by a fixed character that nothing else in it can match. */
  private delimited(g: Group): boolean {
    if (g.alts.length !== 1) return false
    const body = (g.alts[0] as Node[]).filter(x => x.kind !== 'assert')
    const ends = [body[0], body[body.length - 1]]
    return ends.some((end) => {
      if (end?.kind !== 'atom' || end.min !== 1 || end.max !== 1) return false
      const own = this.masks.atom(end.src)
      let others = 0n
      for (const x of body) if (x !== end) others |= this.masks.full(x)
      return (own & others) === 0n
    })
  }
}

/** Whether a user pattern may be run, and if not why. */
export function checkPattern(pattern: string): PatternVerdict {
  try {
    new RegExp(pattern, 'u')
  }
  catch {
    return { ok: false, reason: 'invalid', at: 0 }
  }
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, reason: 'tooLong', at: MAX_PATTERN_LENGTH }
  try {
    const parser = new PatternParser(pattern)
    const top: Group = { kind: 'group', alts: parser.alternatives(), look: false, min: 1, max: 1, at: 0 }
    new Checker(new Masks(pattern)).sequence([top])
    return { ok: true }
  }
  catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason, at: e.at }
    throw e
  }
}

/** True when the pattern compiles (unicode mode, as ajv compiles it) and cannot backtrack catastrophically. */
export function isSafePattern(pattern: string): boolean {
  return checkPattern(pattern).ok
}

/** Why a pattern is refused, in words (without the place). */
export function patternRefusalText(pattern: string, reason: PatternRefusal): LocalizedMessage {
  switch (reason) {
    case 'invalid': return { 'zh-CN': `正则表达式「${pattern}」无效`, 'en': `the regular expression "${pattern}" is invalid` }
    case 'tooLong': return { 'zh-CN': `正则表达式过长（最多 ${MAX_PATTERN_LENGTH} 个字符）`, 'en': `the regular expression is too long (at most ${MAX_PATTERN_LENGTH} characters)` }
    case 'backreference': return { 'zh-CN': `正则表达式「${pattern}」含反向引用（如 \\1），可能极慢，已拒绝`, 'en': `the regular expression "${pattern}" uses a backreference (such as \\1), which can be extremely slow; refused` }
    case 'nestedQuantifier': return { 'zh-CN': `正则表达式「${pattern}」在重复的分组里又有重复（如 (a+)+），可能极慢，已拒绝`, 'en': `the regular expression "${pattern}" repeats a group that itself repeats (such as (a+)+), which can be extremely slow; refused` }
    case 'ambiguousAlternation': return { 'zh-CN': `正则表达式「${pattern}」重复的分支可匹配相同开头（如 (a|ab)*），可能极慢，已拒绝`, 'en': `the regular expression "${pattern}" repeats branches that can start alike (such as (a|ab)*), which can be extremely slow; refused` }
    case 'competingQuantifiers': return { 'zh-CN': `正则表达式「${pattern}」有相邻的重复争抢相同字符（如 \\d+\\d+），可能极慢，已拒绝`, 'en': `the regular expression "${pattern}" has adjacent repeats competing for the same characters (such as \\d+\\d+), which can be extremely slow; refused` }
  }
}

import type { Ranks } from './ranks'
import { textCollator } from './text'

/**
 * Ranks texts ('' = empty, last) in the text collation without calling the collator per
 * comparison, which costs microseconds on near-equal Chinese strings. Instead each distinct
 * character is collated once into a weight (characters equal at base strength share one, and
 * ignorable ones get none), every text becomes a sequence of weights, and the sequences are
 * sorted by multikey quicksort (no comparator calls). This matches Intl.Collator('zh-CN', base) character by
 * character; it differs only for multi-character contractions, which Chinese and English text
 * do not use. Characters outside the BMP order after all others, by code point.
 */
export function rankCollatedTexts(texts: readonly string[]): Ranks {
  const few = distinctTexts(texts, MAX_DISTINCT)
  if (!few) return rankSequences(texts)
  const { ranks: byId, size } = rankSequences(few.distinct)
  const ranks = new Int32Array(texts.length)
  for (let i = 0; i < texts.length; i++) ranks[i] = byId[few.rowIds[i]!]!
  return { ranks, size }
}

/**
 * Up to this many distinct texts are collected in a Map and ranked once each (cities, names of
 * companies repeated over deals). Beyond it a Map costs seconds at a million strings, so all
 * texts are ranked directly and equal ones simply end up next to each other in the sort.
 */
const MAX_DISTINCT = 50_000

function distinctTexts(texts: readonly string[], max: number): { distinct: string[], rowIds: Int32Array } | undefined {
  const ids = new Map<string, number>()
  const distinct: string[] = []
  const rowIds = new Int32Array(texts.length)
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!
    let id = ids.get(t)
    if (id === undefined) {
      if (distinct.length === max) return undefined
      id = distinct.length
      ids.set(t, id)
      distinct.push(t)
    }
    rowIds[i] = id
  }
  return { distinct, rowIds }
}

function rankSequences(texts: readonly string[]): Ranks {
  const keys = weightSequences(texts)
  const order = new Int32Array(texts.length)
  for (let i = 0; i < order.length; i++) order[i] = i
  multikeySort(order, keys)
  const ranks = new Int32Array(texts.length)
  const empties: number[] = []
  let size = 0
  let prev = -1
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!
    if (texts[i] === '') { empties.push(i); continue }
    if (prev < 0 || !sameKey(keys, prev, i)) size++
    ranks[i] = size - 1
    prev = i
  }
  for (const i of empties) ranks[i] = size
  return { ranks, size }
}

/** All texts as weight sequences in one buffer: text i is buf[start[i] .. start[i + 1]). */
interface Keys { buf: Int32Array, start: Int32Array }

const SURROGATE = 0xD800

function weightSequences(texts: readonly string[]): Keys {
  const seen = new Uint8Array(65_536)
  let total = 0
  for (const t of texts) { total += t.length; for (let j = 0; j < t.length; j++) seen[t.charCodeAt(j)] = 1 }
  const weight = charWeights(seen)
  const buf = new Int32Array(total)
  const start = new Int32Array(texts.length + 1)
  let at = 0
  for (let i = 0; i < texts.length; i++) {
    start[i] = at
    const t = texts[i]!
    for (let j = 0; j < t.length; j++) { const w = weight[t.charCodeAt(j)]!; if (w > 0) buf[at++] = w }
  }
  start[texts.length] = at
  return { buf, start }
}

/** Weight per UTF-16 code unit seen: 1.. in collation order, 0 = ignorable. */
function charWeights(seen: Uint8Array): Int32Array {
  const chars: string[] = []
  for (let c = 0; c < 65_536; c++) if (seen[c] && (c < SURROGATE || c > 0xDFFF)) chars.push(String.fromCharCode(c))
  chars.sort(textCollator.compare)
  const weight = new Int32Array(65_536)
  let w = 0
  let prev: string | undefined
  for (const ch of chars) {
    if (textCollator.compare(ch, '') === 0) continue
    if (prev === undefined || textCollator.compare(prev, ch) !== 0) w++
    weight[ch.charCodeAt(0)] = w
    prev = ch
  }
  for (let c = SURROGATE; c <= 0xDFFF; c++) weight[c] = w + 1 + (c - SURROGATE)
  return weight
}

function sameKey({ buf, start }: Keys, a: number, b: number): boolean {
  const len = start[a + 1]! - start[a]!
  if (len !== start[b + 1]! - start[b]!) return false
  for (let k = 0; k < len; k++) if (buf[start[a]! + k] !== buf[start[b]! + k]) return false
  return true
}

/** Bentley-Sedgewick multikey quicksort of text ids by weight sequence, with an explicit stack. */
function multikeySort(a: Int32Array, { buf, start }: Keys): void {
  const at = (id: number, d: number): number => { const p = start[id]! + d; return p < start[id + 1]! ? buf[p]! : 0 }
  const stack: number[] = [0, a.length, 0]
  while (stack.length > 0) {
    const d = stack.pop()!
    const hi = stack.pop()!
    const lo = stack.pop()!
    if (hi - lo < 2) continue
    if (hi - lo < 12) { insertionSort(a, lo, hi, d, at); continue }
    const pivot = median(at(a[lo]!, d), at(a[(lo + hi) >> 1]!, d), at(a[hi - 1]!, d))
    let lt = lo
    let gt = hi - 1
    let i = lo
    while (i <= gt) {
      const c = at(a[i]!, d)
      if (c < pivot) { swap(a, lt++, i++) }
      else if (c > pivot) { swap(a, i, gt--) }
      else i++
    }
    stack.push(lo, lt, d, gt + 1, hi, d)
    if (pivot !== 0) stack.push(lt, gt + 1, d + 1)
  }
}

function insertionSort(a: Int32Array, lo: number, hi: number, d: number, at: (id: number, d: number) => number): void {
  for (let i = lo + 1; i < hi; i++) {
    const x = a[i]!
    let j = i - 1
    while (j >= lo && compareFrom(a[j]!, x, d, at) > 0) { a[j + 1] = a[j]!; j-- }
    a[j + 1] = x
  }
}

function compareFrom(x: number, y: number, d: number, at: (id: number, d: number) => number): number {
  for (let k = d; ; k++) {
    const cx = at(x, k)
    const cy = at(y, k)
    if (cx !== cy) return cx - cy
    if (cx === 0) return 0
  }
}

function median(x: number, y: number, z: number): number {
  return x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y)
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!
  a[i] = a[j]!
  a[j] = t
}

/**
 * Hand-written lexer. Error tolerant: an unexpected character is reported and skipped, so
 * label/id conversion still sees every field reference of a half-typed formula.
 * Accepts full-width `，（）` and curly quotes “…” typed with Chinese input methods.
 */
import type { FormulaError } from './errors'
import { formulaError } from './errors'

/** Operator spellings the lexer produces. */
export type OperatorText = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '%'

/** A lexical token with its span. */
export type Token
  = | { type: 'number', value: number, text: string, start: number, end: number }
    | { type: 'string', value: string, start: number, end: number }
    | { type: 'ref', path: string[], start: number, end: number }
    | { type: 'ident', name: string, start: number, end: number }
    | { type: 'op', op: OperatorText, start: number, end: number }
    | { type: 'lparen' | 'rparen' | 'comma' | 'eof', start: number, end: number }

/** Tokens plus lexical errors; the last token is always `eof`. */
export interface LexResult {
  tokens: Token[]
  errors: FormulaError[]
}

/** Lexical errors reported at most per expression. */
const MAX_LEX_ERRORS = 20
const STRING_ESCAPES: Readonly<Record<string, string>> = { 'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\' }
const TWO_CHAR_OPS = new Set(['<>', '<=', '>='])
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%'])
const ID_START = /[\p{L}_]/u
const ID_PART = /[\p{L}\p{N}_.]/u
const NUMBER_RE = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y

/** Splits an expression into tokens. Never throws. */
export function tokenize(input: string): LexResult {
  const tokens: Token[] = []
  const errors: FormulaError[] = []
  let i = 0
  while (i < input.length) {
    const ch = input[i] as string
    if (/\s/.test(ch)) { i++; continue }
    const start = i
    if (ch === '"' || ch === '“') {
      const r = readString(input, i, ch === '"' ? '"' : '”')
      if (!r.closed) errors.push(formulaError('UNTERMINATED_STRING', start, r.end))
      tokens.push({ type: 'string', value: r.value, start, end: r.end })
      i = r.end
      continue
    }
    if (ch === '{') {
      const r = readRef(input, i)
      if (r.error) errors.push(formulaError(r.error, start, r.end))
      tokens.push({ type: 'ref', path: r.path, start, end: r.end })
      i = r.end
      continue
    }
    NUMBER_RE.lastIndex = i
    const num = NUMBER_RE.exec(input)
    if (num) {
      const text = num[0]
      if (!Number.isFinite(Number(text))) errors.push(formulaError('BAD_NUMBER', start, i + text.length, { text }))
      tokens.push({ type: 'number', value: Number(text), text, start, end: i + text.length })
      i += text.length
      continue
    }
    const cp = String.fromCodePoint(input.codePointAt(i) as number)
    if (ID_START.test(cp)) {
      let j = i + cp.length
      while (j < input.length) {
        const c = String.fromCodePoint(input.codePointAt(j) as number)
        if (!ID_PART.test(c)) break
        j += c.length
      }
      tokens.push({ type: 'ident', name: input.slice(i, j), start, end: j })
      i = j
      continue
    }
    const two = input.slice(i, i + 2)
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ type: 'op', op: two as OperatorText, start, end: i + 2 })
      i += 2
      continue
    }
    if (ONE_CHAR_OPS.has(ch)) {
      tokens.push({ type: 'op', op: ch as OperatorText, start, end: i + 1 })
      i++
      continue
    }
    const punct = ch === '(' || ch === '（' ? 'lparen' : ch === ')' || ch === '）' ? 'rparen' : ch === ',' || ch === '，' ? 'comma' : null
    if (punct) {
      tokens.push({ type: punct, start, end: i + 1 })
      i++
      continue
    }
    // Past a few errors the rest is noise; stop building messages for it.
    if (errors.length < MAX_LEX_ERRORS) errors.push(formulaError('UNEXPECTED_CHAR', start, i + cp.length, { char: cp }))
    i += cp.length
  }
  tokens.push({ type: 'eof', start: input.length, end: input.length })
  return { tokens, errors }
}

function readString(input: string, from: number, close: string): { value: string, end: number, closed: boolean } {
  let value = ''
  let i = from + 1
  while (i < input.length) {
    const c = input[i] as string
    if (c === close) {
      // Excel style: "" inside a string is one quote.
      if (close === '"' && input[i + 1] === '"') { value += '"'; i += 2; continue }
      return { value, end: i + 1, closed: true }
    }
    if (c === '\\' && i + 1 < input.length) {
      const next = input[i + 1] as string
      const mapped = STRING_ESCAPES[next]
      // Unknown escapes keep their backslash, so Windows-like paths survive.
      value += mapped ?? `\\${next}`
      i += 2
      continue
    }
    value += c
    i++
  }
  return { value, end: input.length, closed: false }
}

function readRef(input: string, from: number): { path: string[], end: number, error?: 'UNTERMINATED_REF' | 'EMPTY_REF' } {
  const path: string[] = []
  let part = ''
  let i = from + 1
  while (i < input.length) {
    const c = input[i] as string
    if (c === '}') {
      path.push(part.trim())
      const empty = path.some(p => p === '')
      return { path, end: i + 1, error: empty ? 'EMPTY_REF' : undefined }
    }
    if (c === '\n' || c === '{') break
    if (c === '\\' && i + 1 < input.length) { part += input[i + 1]; i += 2; continue }
    if (c === '.') { path.push(part.trim()); part = ''; i++; continue }
    part += c
    i++
  }
  path.push(part.trim())
  return { path, end: i, error: 'UNTERMINATED_REF' }
}

/** Escapes one path part of a field reference (`}`, `.`, `\`, `{`, line breaks). */
export function escapeRefPart(part: string): string {
  return part.replace(/[\\{}.\n]/g, m => `\\${m}`)
}

/** Writes a field reference: `['sub', 'col']` -> `{sub.col}`. */
export function formatRef(path: readonly string[]): string {
  return `{${path.map(escapeRefPart).join('.')}}`
}

/** Text functions. Lengths and positions count Unicode code points, so 中文 and emoji count 1 each. */
import { toNumber, toText } from '../coerce'
import type { ErrorValue, FormulaValue } from '../values'
import { errorValue, isError } from '../values'
import { numbers } from './numbers'
import type { FormulaFunction, ParamKind } from './spec'
import { eager, sig } from './spec'
import { textFunction } from './text-format'
import { compileWildcard, foldedChars, wildcardSearch } from './wildcard'

/** Longest text a function may build (Excel's cell limit). */
const MAX_TEXT = 32_767

function texts(args: readonly FormulaValue[]): string[] | ErrorValue {
  const out: string[] = []
  for (const a of args) {
    const t = toText(a)
    if (isError(t)) return t
    out.push(t)
  }
  return out
}

function chars(s: string): string[] {
  return Array.from(s)
}

function capped(s: string): string | ErrorValue {
  return s.length > MAX_TEXT ? errorValue('#VALUE!') : s
}

/** A function of (text, numbers...) with the text first. */
function textNum(name: string, params: ParamKind[], min: number, defaults: number[], impl: (s: string, xs: number[]) => FormulaValue): FormulaFunction {
  return eager(name, sig(min, params.length, params), 'text', (args) => {
    const s = toText(args[0] ?? null)
    if (isError(s)) return s
    const xs = numbers(args.slice(1), defaults)
    return isError(xs) ? xs : impl(s, xs.map(Math.trunc))
  })
}

function textOnly(name: string, impl: (s: string) => FormulaValue, returns: 'text' | 'number' = 'text'): FormulaFunction {
  return eager(name, sig(1, 1, ['text']), returns, ([v]) => {
    const s = toText(v ?? null)
    return isError(s) ? s : impl(s)
  })
}

/** 1-based code-point position of `needle` at or after `start`, or #VALUE!. */
function locate(needle: string, haystack: string, start: number): FormulaValue {
  const cps = chars(haystack)
  if (start < 1 || start > cps.length + 1) return errorValue('#VALUE!')
  const index = haystack.indexOf(needle, cps.slice(0, start - 1).join('').length)
  return index === -1 ? errorValue('#VALUE!') : chars(haystack.slice(0, index)).length + 1
}

/** 1-based code-point position of a wildcard match, without case, at or after `start`, or #VALUE!. */
function search(pattern: string, haystack: string, start: number): FormulaValue {
  const cps = foldedChars(haystack)
  if (start < 1 || start > cps.length + 1) return errorValue('#VALUE!')
  const index = wildcardSearch(compileWildcard(pattern), cps, start - 1)
  return index === -1 ? errorValue('#VALUE!') : index + 1
}

function substitute(s: string, find: string, replacement: string, instance?: number): FormulaValue {
  if (find === '') return s
  if (instance === undefined) return capped(s.split(find).join(replacement))
  if (instance < 1) return errorValue('#VALUE!')
  let from = 0
  for (let n = 1; ; n++) {
    const at = s.indexOf(find, from)
    if (at === -1) return s
    if (n === instance) return capped(s.slice(0, at) + replacement + s.slice(at + find.length))
    from = at + find.length
  }
}

function flatTexts(args: readonly FormulaValue[], skipEmpty: boolean): string[] | ErrorValue {
  const out: string[] = []
  for (const a of args) {
    for (const item of Array.isArray(a) ? a : [a]) {
      const t = toText(item)
      if (isError(t)) return t
      if (!(skipEmpty && t === '')) out.push(t)
    }
  }
  return out
}

/** Text functions. */
export const TEXT_FUNCTIONS: readonly FormulaFunction[] = [
  eager('CONCATENATE', sig(1, 255, [], ['text']), 'text', (args) => {
    const ts = texts(args)
    return isError(ts) ? ts : capped(ts.join(''))
  }),
  eager('CONCAT', sig(1, 255, [], ['list']), 'text', (args) => {
    const ts = flatTexts(args, false)
    return isError(ts) ? ts : capped(ts.join(''))
  }),
  eager('TEXTJOIN', sig(3, 255, ['text', 'boolean'], ['list']), 'text', ([delimiter, ignoreEmpty, ...rest]) => {
    const d = toText(delimiter ?? null)
    if (isError(d)) return d
    const ts = flatTexts(rest, ignoreEmpty !== false && ignoreEmpty !== 0)
    return isError(ts) ? ts : capped(ts.join(d))
  }),
  textNum('LEFT', ['text', 'number'], 1, [1], (s, [n]) => (n as number) < 0 ? errorValue('#VALUE!') : chars(s).slice(0, n).join('')),
  textNum('RIGHT', ['text', 'number'], 1, [1], (s, [n]) => {
    if ((n as number) < 0) return errorValue('#VALUE!')
    const cps = chars(s)
    return cps.slice(Math.max(0, cps.length - (n as number))).join('')
  }),
  textNum('MID', ['text', 'number', 'number'], 3, [], (s, [start, n]) => {
    if ((start as number) < 1 || (n as number) < 0) return errorValue('#VALUE!')
    return chars(s).slice((start as number) - 1, (start as number) - 1 + (n as number)).join('')
  }),
  textNum('REPT', ['text', 'number'], 2, [], (s, [n]) => {
    if ((n as number) < 0 || s.length * (n as number) > MAX_TEXT) return errorValue('#VALUE!')
    return s.repeat(n as number)
  }),
  eager('REPLACE', sig(4, 4, ['text', 'number', 'number', 'text']), 'text', ([old, start, count, replacement]) => {
    const s = toText(old ?? null)
    const r = toText(replacement ?? null)
    const xs = numbers([start ?? null, count ?? null])
    if (isError(s)) return s
    if (isError(r)) return r
    if (isError(xs)) return xs
    const [from, n] = xs.map(Math.trunc) as [number, number]
    if (from < 1 || n < 0) return errorValue('#VALUE!')
    const cps = chars(s)
    return capped(cps.slice(0, from - 1).join('') + r + cps.slice(from - 1 + n).join(''))
  }),
  eager('SUBSTITUTE', sig(3, 4, ['text', 'text', 'text', 'number']), 'text', (args) => {
    const ts = texts(args.slice(0, 3))
    if (isError(ts)) return ts
    const instance = args[3] === undefined ? undefined : toNumber(args[3])
    if (isError(instance)) return instance
    return substitute(ts[0] as string, ts[1] as string, ts[2] as string, instance === undefined ? undefined : Math.trunc(instance))
  }),
  eager('FIND', sig(2, 3, ['text', 'text', 'number']), 'number', (args) => {
    const ts = texts(args.slice(0, 2))
    const start = toNumber(args[2] ?? 1)
    if (isError(ts)) return ts
    if (isError(start)) return start
    return locate(ts[0] as string, ts[1] as string, Math.trunc(start))
  }),
  eager('SEARCH', sig(2, 3, ['text', 'text', 'number']), 'number', (args) => {
    const ts = texts(args.slice(0, 2))
    const start = toNumber(args[2] ?? 1)
    if (isError(ts)) return ts
    if (isError(start)) return start
    return search(ts[0] as string, ts[1] as string, Math.trunc(start))
  }),
  textOnly('LEN', s => chars(s).length, 'number'),
  textOnly('TRIM', s => s.trim().replace(/ {2,}/g, ' ')),
  textOnly('UPPER', s => s.toUpperCase()),
  textOnly('LOWER', s => s.toLowerCase()),
  textOnly('PROPER', s => s.toLowerCase().replace(/(^|[^\p{L}'])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())),
  eager('VALUE', sig(1, 1, ['text']), 'number', ([v]) => toNumber(v ?? null)),
  eager('T', sig(1, 1, ['any']), 'text', ([v]) => typeof v === 'string' ? v : ''),
  eager('EXACT', sig(2, 2, ['text', 'text']), 'boolean', (args) => {
    const ts = texts(args)
    return isError(ts) ? ts : ts[0] === ts[1]
  }),
  eager('TEXT', sig(2, 2, ['scalar', 'text']), 'text', (args, env) => textFunction(args[0] ?? null, args[1] ?? null, env)),
]

/**
 * A JSON Schema checker for the record-value schemas that buildRecordSchema generates, built
 * from closures instead of generated code. Ajv compiles with `new Function`, which the app's
 * Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') forbids; document schemas
 * are compiled ahead of time (tools/validators-plugin.ts), but record schemas come from
 * user-made forms at run time, so they go through this.
 *
 * It knows only the keywords record schemas use, throws on any other (a new field type
 * must add its keyword here), and reports ajv-shaped errors in ajv's order
 * (allErrors + verbose): tests/unit/core/validation/value-schema-check.test.ts holds it
 * equal to ajv on generated forms and values.
 */
import type { ErrorObject } from 'ajv/dist/2020'
import { fullFormats } from 'ajv-formats/dist/formats'
import { decimalsOf } from '../decimals'

/** The errors of one value against a compiled schema; [] when it is valid. */
export type ValueSchemaCheck = (data: unknown) => ErrorObject[]

type Node = (data: unknown, path: string, errors: ErrorObject[]) => boolean
type Rule = (data: never, path: string, errors: ErrorObject[]) => boolean
type Schema = Record<string, unknown>

const KNOWN = new Set([
  'type', 'enum', 'if', 'then', 'else', 'maximum', 'minimum', 'maxDecimals', 'maxLength', 'minLength',
  'pattern', 'format', 'uniqueItems', 'items', 'required', 'additionalProperties', 'properties',
])
const TYPED: Record<'number' | 'string' | 'array' | 'object', readonly string[]> = {
  number: ['maximum', 'minimum', 'maxDecimals'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: ['items', 'uniqueItems'],
  object: ['required', 'additionalProperties', 'properties'],
}
const GROUPS = ['number', 'string', 'array', 'object'] as const

/** Compiles a record-value schema into a checker. Throws on a keyword it does not know. */
export function compileValueSchema(schema: unknown): ValueSchemaCheck {
  const root = node(schema, '#')
  return (data) => {
    const errors: ErrorObject[] = []
    root(data, '', errors)
    return errors
  }
}

function node(schema: unknown, at: string): Node {
  if (schema === true) return () => true
  if (schema === false) {
    return (data, path, errors) => {
      errors.push({ instancePath: path, schemaPath: `${at}/false schema`, keyword: 'false schema', params: {}, message: 'boolean schema is false', schema: false, data })
      return false
    }
  }
  if (!isObject(schema)) throw new Error(`value schema at ${at}: not a schema`)
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`value schema at ${at}: unsupported keyword ${k}`)
  const s = schema
  const err = (keyword: string, params: Record<string, unknown>, message: string, data: unknown, path: string, sub = keyword): ErrorObject =>
    ({ instancePath: path, schemaPath: `${at}/${sub}`, keyword, params, message, schema: s[keyword], parentSchema: s, data })

  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type.map(String) : [String(s.type)]
  const hasRules = (group: keyof typeof TYPED) => TYPED[group].some(k => s[k] !== undefined)
  // ajv checks the type up front unless the one type has its own keywords (then it reports
  // the type after that type's group, in its `else`).
  const typeUpFront = types.length > 0 && !(types.length === 1 && Object.hasOwn(TYPED, types[0]!) && hasRules(types[0] as keyof typeof TYPED))
  const typeError = (data: unknown, path: string): ErrorObject =>
    ({ instancePath: path, schemaPath: `${at}/type`, keyword: 'type', params: { type: s.type }, message: `must be ${String(s.type)}`, schema: s.type, parentSchema: s, data })

  const rules: Node[] = []
  if (typeUpFront) {
    rules.push((data, path, errors) => {
      if (types.some(t => isType(t, data))) return true
      errors.push(typeError(data, path))
      return false
    })
  }
  if (s.enum !== undefined) rules.push(enumRule(s.enum as unknown[], err))
  if (s.if !== undefined) rules.push(ifRule(s, at, err))
  for (const group of GROUPS) {
    if (!hasRules(group)) continue
    const groupRules = typedRules(group, s, at, err)
    const reportType = types.length === 1 && types[0] === group && !typeUpFront
    rules.push((data, path, errors) => {
      if (!isType(group, data)) {
        if (!reportType) return true
        errors.push(typeError(data, path))
        return false
      }
      let ok = true
      for (const rule of groupRules) ok = rule(data as never, path, errors) && ok
      return ok
    })
  }
  return (data, path, errors) => {
    let ok = true
    for (const rule of rules) ok = rule(data, path, errors) && ok
    return ok
  }
}

type Err = (keyword: string, params: Record<string, unknown>, message: string, data: unknown, path: string, sub?: string) => ErrorObject

function enumRule(allowed: unknown[], err: Err): Node {
  // A scalar equals only a scalar (SameValueZero, as `equal`: 0 and -0 alike, NaN equal to
  // NaN), so scalars are looked up in a set and only objects compare deeply.
  const scalars = new Set(allowed.filter(v => !isComposite(v)))
  const composites = allowed.filter(isComposite)
  return (data, path, errors) => {
    if (isComposite(data) ? composites.some(v => equal(v, data)) : scalars.has(data)) return true
    errors.push(err('enum', { allowedValues: allowed }, 'must be equal to one of the allowed values', data, path))
    return false
  }
}

function ifRule(s: Schema, at: string, err: Err): Node {
  const test = node(s.if, `${at}/if`)
  const then = s.then === undefined ? undefined : node(s.then, `${at}/then`)
  const otherwise = s.else === undefined ? undefined : node(s.else, `${at}/else`)
  // The test's own errors are dropped: one array is reused (a record schema's `if` holds no `if`).
  const scratch: ErrorObject[] = []
  return (data, path, errors) => {
    const passed = test(data, path, scratch)
    scratch.length = 0
    const clause = passed ? then : otherwise
    if (!clause || clause(data, path, errors)) return true
    const failingKeyword = passed ? 'then' : 'else'
    errors.push(err('if', { failingKeyword }, `must match "${failingKeyword}" schema`, data, path))
    return false
  }
}

function typedRules(group: keyof typeof TYPED, s: Schema, at: string, err: Err): Rule[] {
  const rules: Rule[] = []
  const limit = (keyword: string, ok: (data: number, lim: number) => boolean, comparison: string) => {
    const lim = s[keyword] as number
    rules.push((data: number, path, errors) => {
      if (ok(data, lim)) return true
      errors.push(err(keyword, { comparison, limit: lim }, `must be ${comparison} ${lim}`, data, path))
      return false
    })
  }
  switch (group) {
    case 'number':
      if (s.maximum !== undefined) limit('maximum', (d, l) => d <= l, '<=')
      if (s.minimum !== undefined) limit('minimum', (d, l) => d >= l, '>=')
      if (s.maxDecimals !== undefined) {
        rules.push((data: number, path, errors) => {
          if (decimalsOf(data) <= (s.maxDecimals as number)) return true
          errors.push(err('maxDecimals', {}, `must have at most ${String(s.maxDecimals)} decimals`, data, path))
          return false
        })
      }
      break
    case 'string':
      for (const [keyword, more] of [['maxLength', false], ['minLength', true]] as const) {
        if (s[keyword] === undefined) continue
        const lim = s[keyword] as number
        rules.push((data: string, path, errors) => {
          const n = codePoints(data)
          if (more ? n >= lim : n <= lim) return true
          errors.push(err(keyword, { limit: lim }, `must NOT have ${more ? 'fewer' : 'more'} than ${lim} characters`, data, path))
          return false
        })
      }
      if (s.pattern !== undefined) {
        const pattern = String(s.pattern)
        const re = new RegExp(pattern, 'u')
        rules.push((data: string, path, errors) => {
          if (re.test(data)) return true
          errors.push(err('pattern', { pattern }, `must match pattern "${pattern}"`, data, path))
          return false
        })
      }
      if (s.format !== undefined) {
        const format = String(s.format)
        const test = formatTest(format, at)
        rules.push((data: string, path, errors) => {
          if (test(data)) return true
          errors.push(err('format', { format }, `must match format "${format}"`, data, path))
          return false
        })
      }
      break
    case 'array':
      // ajv runs `items` before `uniqueItems` (its definition says `before: "uniqueItems"`).
      if (s.items !== undefined) {
        const item = node(s.items, `${at}/items`)
        rules.push((data: unknown[], path, errors) => {
          let ok = true
          for (let i = 0; i < data.length; i++) ok = item(data[i], `${path}/${i}`, errors) && ok
          return ok
        })
      }
      if (s.uniqueItems === true) rules.push(uniqueRule(s, err))
      break
    case 'object':
      rules.push(...objectRules(s, at, err))
      break
  }
  return rules
}

function uniqueRule(s: Schema, err: Err): Rule {
  const itemType = isObject(s.items) && typeof s.items.type === 'string' ? s.items.type : undefined
  if (!itemType || itemType === 'object' || itemType === 'array') throw new Error('value schema: uniqueItems needs scalar items')
  return (data: unknown[], path, errors) => {
    // ajv's order: from the last item back, the first repeat found is reported.
    const seen = new Map<unknown, number>()
    for (let i = data.length - 1; i >= 0; i--) {
      const item = data[i]
      if (!isType(itemType, item)) continue
      const j = seen.get(item)
      if (j !== undefined) {
        errors.push(err('uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`, data, path))
        return false
      }
      seen.set(item, i)
    }
    return true
  }
}

function objectRules(s: Schema, at: string, err: Err): Rule[] {
  const rules: Rule[] = []
  const properties = isObject(s.properties) ? s.properties : {}
  if (Array.isArray(s.required)) {
    const required = s.required.map(String)
    rules.push((data: Record<string, unknown>, path, errors) => {
      let ok = true
      for (const missingProperty of required) {
        if (data[missingProperty] !== undefined) continue
        errors.push(err('required', { missingProperty }, `must have required property '${missingProperty}'`, data, path))
        ok = false
      }
      return ok
    })
  }
  if (s.additionalProperties === false) {
    rules.push((data: Record<string, unknown>, path, errors) => {
      let ok = true
      for (const additionalProperty in data) {
        if (Object.prototype.hasOwnProperty.call(properties, additionalProperty)) continue
        errors.push(err('additionalProperties', { additionalProperty }, 'must NOT have additional properties', data, path))
        ok = false
      }
      return ok
    })
  }
  else if (s.additionalProperties !== undefined && s.additionalProperties !== true) {
    throw new Error(`value schema at ${at}: additionalProperties must be false`)
  }
  const checks = Object.entries(properties)
    .filter(([, sub]) => sub !== true)
    .map(([key, sub]) => [key, remembered(node(sub, `${at}/properties/${escape(key)}`)), `/${escape(key)}`] as const)
  if (checks.length > 0) {
    rules.push((data: Record<string, unknown>, path, errors) => {
      let ok = true
      for (const [key, check, tail] of checks) {
        const value = data[key]
        if (value !== undefined) ok = check(value, path + tail, errors) && ok
      }
      return ok
    })
  }
  return rules
}

/**
 * Distinct scalar values remembered as valid per property. A record property's check depends
 * on nothing but the value, so once a scalar passes it passes again: an import checks the
 * same few hundred choice ids, dates and amounts in every row. A property that meets more
 * (titles, notes) stops remembering; only short strings are kept.
 */
export const VALID_MEMO_LIMIT = 1024
const VALID_MEMO_MAX_LENGTH = 64

function remembered(check: Node): Node {
  let valid: Set<unknown> | undefined = new Set()
  return (data, path, errors) => {
    if (valid?.has(data)) return true
    const before = errors.length
    const ok = check(data, path, errors)
    if (ok && valid && errors.length === before && memorable(data)) {
      if (valid.size >= VALID_MEMO_LIMIT) valid = undefined
      else valid.add(data)
    }
    return ok
  }
}

/**
 * Scalars the valid memo may hold (no long strings). A set takes -0 for 0, which every keyword
 * here checks alike (type, limits, decimals, enum).
 */
function memorable(data: unknown): boolean {
  switch (typeof data) {
    case 'string': return data.length <= VALID_MEMO_MAX_LENGTH
    case 'number': case 'boolean': return true
    default: return data === null
  }
}

function formatTest(format: string, at: string): (s: string) => boolean {
  const def: unknown = (fullFormats as Record<string, unknown>)[format]
  const fmt = isObject(def) && !(def instanceof RegExp) ? def.validate : def
  if (fmt instanceof RegExp) return s => fmt.test(s)
  if (typeof fmt === 'function') return s => Boolean((fmt as (s: string) => boolean)(s))
  throw new Error(`value schema at ${at}: unknown format ${format}`)
}

function isType(type: string, data: unknown): boolean {
  switch (type) {
    case 'string': return typeof data === 'string'
    case 'number': return typeof data === 'number' && Number.isFinite(data)
    case 'integer': return typeof data === 'number' && Number.isFinite(data) && data % 1 === 0
    case 'boolean': return typeof data === 'boolean'
    case 'null': return data === null
    case 'array': return Array.isArray(data)
    case 'object': return isObject(data)
    default: throw new Error(`value schema: unknown type ${type}`)
  }
}

function isComposite(v: unknown): v is object {
  return typeof v === 'object' && v !== null
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** JSON equality, as ajv's enum uses it (fast-deep-equal). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b
  if (Array.isArray(a) !== Array.isArray(b) || a.constructor !== b.constructor) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  return ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && equal((a as Schema)[k], (b as Schema)[k]))
}

/** String length in code points, as ajv counts it (ucs2length). */
function codePoints(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    n++
    const c = s.charCodeAt(i)
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1)
      if ((next & 0xFC00) === 0xDC00) i++
    }
  }
  return n
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

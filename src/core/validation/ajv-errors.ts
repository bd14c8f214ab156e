/**
 * Turns ajv errors into issues whose messages name the place and say what was expected.
 * Noise is dropped: `if`/`oneOf` wrappers whose inner errors are reported, and errors about
 * prototype-polluting keys (forbidden-keys.ts reports those once, more clearly).
 */
import type { ErrorObject } from 'ajv/dist/2020'
import commonSchema from '../../../schemas/common.schema.json'
import { SCHEMA_VERSION } from '../schema/types'
import { FIELD_TYPES } from '../fields/registry'
import type { IssueCode, LocalizedMessage } from './issue'
import type { IssueSink } from './compose'
import { report } from './compose'
import { FORBIDDEN_KEYS } from './forbidden-keys'
import { COLOR_PATTERN } from '../utils/safe-color'
import { show, showList, typeWords, valueTypeWords } from './words'

type Mapped = { code: IssueCode, params: Record<string, unknown>, what: LocalizedMessage, path?: string } | undefined

const ID_PATTERNS = new Set([commonSchema.$defs.id.pattern, commonSchema.$defs.fieldId.pattern, commonSchema.$defs.fieldRef.pattern])
const DROPPED = new Set(['if', 'then', 'else', 'propertyNames', 'allOf', '$ref'])

/** Adds one issue per meaningful ajv error to the sink. */
export function reportAjvErrors(sink: IssueSink, errors: readonly ErrorObject[]): void {
  const seen = new Set<string>()
  const hasInner = (path: string) => errors.some(e => e.instancePath.startsWith(path) && !DROPPED.has(e.keyword) && e.keyword !== 'oneOf' && e.keyword !== 'anyOf')
  for (const e of errors) {
    if (DROPPED.has(e.keyword) || e.propertyName !== undefined) continue
    if ((e.keyword === 'oneOf' || e.keyword === 'anyOf') && hasInner(e.instancePath)) continue
    const mapped = mapError(e)
    if (!mapped) continue
    const path = mapped.path ?? e.instancePath
    const key = `${path}|${mapped.code}|${mapped.what.en}`
    if (seen.has(key)) continue
    seen.add(key)
    report(sink, path, mapped.code, mapped.params, mapped.what, e.instancePath)
  }
}

function mapError(e: ErrorObject): Mapped {
  const p = e.params as Record<string, unknown>
  const m = (code: IssueCode, zh: string, en: string, path?: string): Mapped => ({ code, params: p, what: { 'zh-CN': zh, 'en': en }, path })
  switch (e.keyword) {
    case 'required': {
      const prop = String(p.missingProperty)
      return m('required', `缺少必填属性 ${prop}`, `missing required property ${prop}`, `${e.instancePath}/${prop}`)
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const prop = String(p.additionalProperty ?? p.unevaluatedProperty)
      if (FORBIDDEN_KEYS.has(prop)) return undefined
      return m('unexpectedProperty', `不允许的属性 ${prop}`, `unknown property ${prop}`, `${e.instancePath}/${prop}`)
    }
    case 'type': {
      const want = typeWords(p.type)
      const got = valueTypeWords(e.data)
      return m('type', `应为${want['zh-CN']}，实际是${got['zh-CN']}`, `must be ${want.en}, got ${got.en}`)
    }
    case 'const': return mapConst(e, p)
    case 'enum': {
      const allowed = showList(p.allowedValues as unknown[])
      return m('enum', `「${show(e.data)}」不是允许的值（可选：${allowed}）`, `"${show(e.data)}" is not allowed (expected one of: ${allowed})`)
    }
    case 'discriminator': {
      const types = showList(FIELD_TYPES, FIELD_TYPES.length)
      if (p.error === 'mapping') {
        return m('unknownType', `未知的字段类型「${show(p.tagValue)}」（可选：${types}）`, `unknown field type "${show(p.tagValue)}" (expected one of: ${types})`, `${e.instancePath}/type`)
      }
      return m('missingType', `缺少字段类型 type（可选：${types}）`, `missing field type (property type, one of: ${types})`, `${e.instancePath}/type`)
    }
    case 'minimum': case 'exclusiveMinimum':
      return m('minimum', `应${e.keyword === 'minimum' ? '不小于' : '大于'} ${String(p.limit)}，实际是 ${show(e.data)}`, `must be ${e.keyword === 'minimum' ? 'at least' : 'greater than'} ${String(p.limit)}, got ${show(e.data)}`)
    case 'maximum': case 'exclusiveMaximum':
      return m('maximum', `应${e.keyword === 'maximum' ? '不大于' : '小于'} ${String(p.limit)}，实际是 ${show(e.data)}`, `must be ${e.keyword === 'maximum' ? 'at most' : 'less than'} ${String(p.limit)}, got ${show(e.data)}`)
    case 'minLength':
      return p.limit === 1 ? m('minLength', '不能为空', 'must not be empty') : m('minLength', `至少 ${String(p.limit)} 个字符`, `must have at least ${String(p.limit)} characters`)
    case 'maxLength': return m('maxLength', `最多 ${String(p.limit)} 个字符`, `must have at most ${String(p.limit)} characters`)
    case 'minItems': return m('minItems', `至少需要 ${String(p.limit)} 项`, `needs at least ${String(p.limit)} items`)
    case 'maxItems': return m('maxItems', `最多 ${String(p.limit)} 项`, `must have at most ${String(p.limit)} items`)
    case 'uniqueItems': return m('uniqueItems', `第 ${Number(p.j) + 1} 项与第 ${Number(p.i) + 1} 项重复`, `items #${Number(p.j) + 1} and #${Number(p.i) + 1} are duplicates`)
    case 'pattern':
      if (String(p.pattern) === COLOR_PATTERN) {
        return m('pattern', `「${show(e.data)}」不是颜色：只能用 #rgb、#rrggbb、#rrggbbaa、rgb()/rgba()、hsl()/hsla()（参数只能是数字）或 CSS 颜色名`, `"${show(e.data)}" is not a colour: use #rgb, #rrggbb, #rrggbbaa, rgb()/rgba(), hsl()/hsla() (numbers only) or a CSS colour name`)
      }
      if (ID_PATTERNS.has(String(p.pattern))) {
        return m('pattern', `「${show(e.data)}」不是有效的 id：只能包含字母、数字和 _ - . :（字段 id 不能以 _ 开头）`, `"${show(e.data)}" is not a valid id: use letters, digits and _ - . : only (field ids may not start with _)`)
      }
      return m('pattern', `「${show(e.data)}」格式不正确（应匹配 ${String(p.pattern)}）`, `"${show(e.data)}" has the wrong format (must match ${String(p.pattern)})`)
    case 'format': return m('format', `「${show(e.data)}」不是有效的 ${String(p.format)}`, `"${show(e.data)}" is not a valid ${String(p.format)}`)
    case 'minProperties': case 'maxProperties':
      if (isFilterGroup(e.parentSchema)) return m('filterGroup', '条件组必须恰好包含 and 或 or 其中之一', 'a condition group needs exactly one of "and" or "or"')
      return m('invalid', e.keyword === 'minProperties' ? '不能为空对象' : '属性过多', e.keyword === 'minProperties' ? 'must not be an empty object' : 'has too many properties')
    case 'not': return m('reservedName', `不能使用保留名称「${show(e.data)}」`, `the reserved name "${show(e.data)}" cannot be used`)
    case 'false schema': return m('invalid', '此处不允许有值', 'no value is allowed here')
    default: return m('invalid', `不符合要求（${e.message ?? e.keyword}）`, `is invalid (${e.message ?? e.keyword})`)
  }
}

function mapConst(e: ErrorObject, p: Record<string, unknown>): Mapped {
  const want = p.allowedValue
  if (e.instancePath.endsWith('/schemaVersion') && typeof e.data === 'number') {
    if (e.data > SCHEMA_VERSION) {
      return { code: 'newerVersion', params: { ...p, version: e.data }, what: { 'zh-CN': `由更新版本的 FunnelGrid 创建（schemaVersion ${e.data}，本版本支持到 ${SCHEMA_VERSION}），请先升级`, 'en': `was made by a newer FunnelGrid (schemaVersion ${e.data}, this version supports up to ${SCHEMA_VERSION}); upgrade first` } }
    }
    return { code: 'olderVersion', params: { ...p, version: e.data }, what: { 'zh-CN': `schemaVersion ${e.data} 已过时，需先迁移到 ${SCHEMA_VERSION}（导入时会自动迁移）`, 'en': `schemaVersion ${e.data} is outdated and must be migrated to ${SCHEMA_VERSION} first (imports migrate automatically)` } }
  }
  return { code: 'const', params: p, what: { 'zh-CN': `应为 ${show(want)}，实际是 ${show(e.data)}`, 'en': `must be ${show(want)}, got ${show(e.data)}` } }
}

function isFilterGroup(schema: unknown): boolean {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties
  return props !== undefined && 'and' in props && 'or' in props
}

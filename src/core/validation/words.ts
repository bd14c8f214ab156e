import type { LocalizedMessage } from './issue'

const TYPE_WORDS: Record<string, LocalizedMessage> = {
  string: { 'zh-CN': '文本', 'en': 'text' },
  number: { 'zh-CN': '数字', 'en': 'a number' },
  integer: { 'zh-CN': '整数', 'en': 'a whole number' },
  boolean: { 'zh-CN': '布尔值（true/false）', 'en': 'true or false' },
  array: { 'zh-CN': '数组（列表）', 'en': 'a list (array)' },
  object: { 'zh-CN': '对象', 'en': 'an object' },
  null: { 'zh-CN': '空值', 'en': 'null' },
}

/** Words for a JSON Schema type (or list of types). */
export function typeWords(type: unknown): LocalizedMessage {
  const types = Array.isArray(type) ? type.map(String) : [String(type)]
  const words = types.map(t => TYPE_WORDS[t] ?? { 'zh-CN': t, 'en': t })
  return { 'zh-CN': words.map(w => w['zh-CN']).join('或'), 'en': words.map(w => w.en).join(' or ') }
}

/** The JSON type of a value, in words. */
export function valueTypeWords(value: unknown): LocalizedMessage {
  if (value === null) return typeWords('null')
  if (Array.isArray(value)) return typeWords('array')
  if (typeof value === 'number' && !Number.isInteger(value)) return typeWords('number')
  return typeWords(typeof value)
}

/** A short rendering of a value for a message. */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

/** A list of allowed values, at most 12. */
export function showList(values: readonly unknown[], max = 12): string {
  const shown = values.slice(0, max).map(v => (typeof v === 'string' ? v : JSON.stringify(v)))
  return shown.join(', ') + (values.length > max ? ', …' : '')
}

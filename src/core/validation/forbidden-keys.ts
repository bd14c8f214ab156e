import type { IssueSink } from './compose'
import { report } from './compose'
import { toPointer } from './describe-place'

/** Property names that could reach Object.prototype when a document is merged or indexed. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Reports every own property named __proto__, constructor or prototype, at any depth. */
export function reportForbiddenKeys(sink: IssueSink, value: unknown, path: (string | number)[] = []): void {
  if (value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i)
      reportForbiddenKeys(sink, value[i], path)
      path.pop()
    }
    return
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      report(sink, toPointer([...path, key]), 'forbiddenKey', { key }, {
        'zh-CN': `不允许使用属性名「${key}」（可能篡改对象原型）`,
        'en': `the property name "${key}" is not allowed (it could tamper with object prototypes)`,
      }, toPointer(path))
      continue
    }
    path.push(key)
    reportForbiddenKeys(sink, (value as Record<string, unknown>)[key], path)
    path.pop()
  }
}

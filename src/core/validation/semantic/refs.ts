/** Reporting of references that do not resolve. */
import type { FieldDef } from '../../schema/types'
import type { IssueSink } from '../compose'
import { report } from '../compose'
import { SYSTEM_COLUMNS, walkConditions } from './walk'

/** Reports conditions naming a field that is not in scope (system columns are always in scope). */
export function checkFilterRefs(sink: IssueSink, filter: Parameters<typeof walkConditions>[0], base: string, scope: ReadonlyMap<string, unknown> | ReadonlySet<string>): void {
  walkConditions(filter, base, (field, path) => {
    if (!SYSTEM_COLUMNS.has(field) && !scope.has(field)) dangling(sink, path, field, '条件字段', 'condition field')
  })
}

/** Reports a reference to a field id that does not exist. */
export function dangling(sink: IssueSink, path: string, id: string, zhWhat: string, enWhat: string): void {
  report(sink, path, 'danglingReference', { id }, {
    'zh-CN': `${zhWhat}「${id}」不存在`,
    'en': `the ${enWhat} "${id}" does not exist`,
  })
}

/** Reports a reference to a field of the wrong type. */
export function wrongType(sink: IssueSink, path: string, field: FieldDef, expected: string): void {
  report(sink, path, 'wrongFieldType', { id: field.id, type: field.type, expected }, {
    'zh-CN': `字段「${field.id}」是 ${field.type} 类型，应为 ${expected}`,
    'en': `the field "${field.id}" is a ${field.type} field; expected ${expected}`,
  })
}

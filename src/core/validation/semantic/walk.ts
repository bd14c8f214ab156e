import type { Filter, FilterNode } from '../../schema/filter'
import type { FieldDef } from '../../schema/types'
import { isGroup } from '../../schema/filter'

/** System columns that filters, sorts and views may name besides field ids. */
export const SYSTEM_COLUMNS: ReadonlySet<string> = new Set(['_id', '_createdAt', '_updatedAt', '_createdBy', '_updatedBy'])

/** Visits every field, subform fields included, with its JSON pointer and the list it belongs to. */
export function walkFields(fields: readonly FieldDef[], base: string, visit: (field: FieldDef, path: string, siblings: readonly FieldDef[]) => void): void {
  fields.forEach((field, i) => {
    const path = `${base}/${i}`
    visit(field, path, fields)
    if (field.type === 'subform') walkFields(field.options.fields, `${path}/options/fields`, visit)
  })
}

/** Visits every condition of a filter with its JSON pointer. */
export function walkConditions(filter: Filter | undefined, base: string, visit: (field: string, path: string) => void): void {
  if (!filter) return
  const walk = (node: FilterNode, path: string): void => {
    if (!isGroup(node)) {
      visit(node.field, `${path}/field`)
      return
    }
    const key = 'and' in node ? 'and' : 'or'
    const children = 'and' in node ? node.and : node.or
    children.forEach((child, i) => walk(child, `${path}/${key}/${i}`))
  }
  walk(filter, base)
}

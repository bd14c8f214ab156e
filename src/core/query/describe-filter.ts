/**
 * A filter in words ("行业 等于 制造业 且 预算 大于 1,000,000"), for explanations such as the
 * rules behind a lead score. Values are formatted by their field (option labels, member names).
 */
import type { FilterOp } from '../schema/filter'
import type { FieldDef, Locale } from '../schema/types'
import type { FormatContext } from '../fields/behaviour'
import { behaviourOf } from '../fields/registry'
import { labelText } from '../utils/label'
import { readNode } from './filter-nodes'
import { OP_LABELS } from './op-labels'
import { isRelativeDateOp } from './relative-dates'

const SYSTEM_NAMES: Readonly<Record<string, Record<Locale, string>>> = {
  _id: { 'zh-CN': '记录 ID', 'en': 'record ID' },
  _createdAt: { 'zh-CN': '创建时间', 'en': 'created' },
  _updatedAt: { 'zh-CN': '更新时间', 'en': 'updated' },
  _createdBy: { 'zh-CN': '创建人', 'en': 'created by' },
  _updatedBy: { 'zh-CN': '更新人', 'en': 'updated by' },
}

const JOIN: Readonly<Record<'and' | 'or', Record<Locale, string>>> = {
  and: { 'zh-CN': ' 且 ', 'en': ' and ' },
  or: { 'zh-CN': ' 或 ', 'en': ' or ' },
}

function valueText(field: FieldDef | undefined, value: unknown, ctx: FormatContext): string {
  if (value === null || value === undefined || value === '') return '—'
  if (!field) return String(value)
  const text = behaviourOf(field).format(field.type === 'multiselect' && !Array.isArray(value) ? [value] : value, field as never, ctx)
  return text || String(value)
}

function conditionText(field: FieldDef | undefined, name: string, op: FilterOp, value: unknown, ctx: FormatContext): string {
  const loc = ctx.locale
  if (op === 'lastNDays' || op === 'nextNDays') {
    const n = typeof value === 'number' ? value : Number(value)
    const span = op === 'lastNDays'
      ? (loc === 'zh-CN' ? `在过去 ${n} 天内` : `in the last ${n} days`)
      : (loc === 'zh-CN' ? `在未来 ${n} 天内` : `in the next ${n} days`)
    return `${name} ${span}`
  }
  const label = OP_LABELS[op][loc]
  if (op === 'empty' || op === 'notEmpty' || isRelativeDateOp(op)) return `${name} ${label}`
  if (op === 'between' && Array.isArray(value)) return `${name} ${label} ${valueText(field, value[0], ctx)} – ${valueText(field, value[1], ctx)}`
  if ((op === 'in' || op === 'notIn') && Array.isArray(value)) return `${name} ${label} ${value.map(v => valueText(field, v, ctx)).join(loc === 'zh-CN' ? '、' : ', ')}`
  return `${name} ${label} ${valueText(field, value, ctx)}`
}

/** The filter as one line of text; a field that is gone shows its id with a mark. Empty groups give ''. */
export function describeFilter(filter: unknown, fields: readonly FieldDef[], ctx: FormatContext): string {
  const byId = new Map(fields.map(f => [f.id, f]))
  const walk = (node: unknown, nested: boolean): string => {
    const read = readNode(node)
    if (read.kind === 'bad') return '?'
    if (read.kind === 'group') {
      const parts = read.children.map(c => walk(c, true)).filter(Boolean)
      const text = parts.join(JOIN[read.join][ctx.locale])
      return nested && parts.length > 1 ? `(${text})` : text
    }
    const id = String(read.field)
    const field = byId.get(id)
    const name = field ? labelText(field.label, ctx.locale) || id : SYSTEM_NAMES[id]?.[ctx.locale] ?? `${id} ${ctx.locale === 'zh-CN' ? '（已删除）' : '(deleted)'}`
    const op = String(read.op) as FilterOp
    if (!(op in OP_LABELS)) return `${name} ?`
    return conditionText(field, name, op, read.value, ctx)
  }
  return walk(filter, false)
}

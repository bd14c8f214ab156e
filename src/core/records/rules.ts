/**
 * Submit rules of a form: a filter the record must match and an optional comparison of two
 * fields (e.g. payment <= contract amount), each with the message shown when it fails.
 */
import type { FieldComparison, FormDef, FormRule, RecordRow } from '../schema/types'
import type { FilterNode } from '../schema/filter'
import type { QueryEnv, RecordPredicate } from '../query/types'
import type { WriteIssue } from './mutations'
import { isGroup } from '../schema/filter'
import { compileFilter } from '../query/compile-filter'
import { isEmptyValue } from '../query/empty'
import { labelText } from '../utils/label'
import { assertNever } from '../utils/assert-never'

function compareValues(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return JSON.stringify(a) === JSON.stringify(b) ? 0 : undefined
}

/** True when the comparison holds for the values; an empty side holds (nothing to compare yet). */
export function comparisonHolds(c: FieldComparison, values: Readonly<Record<string, unknown>>): boolean {
  const a = values[c.field]
  const b = values[c.otherField]
  if (isEmptyValue(a) || isEmptyValue(b)) return true
  const d = compareValues(a, b)
  switch (c.op) {
    case 'eq': return d === 0
    case 'ne': return d !== 0
    case 'gt': return d !== undefined && d > 0
    case 'gte': return d !== undefined && d >= 0
    case 'lt': return d !== undefined && d < 0
    case 'lte': return d !== undefined && d <= 0
    default: return assertNever(c.op, 'compare op')
  }
}

function conditionFields(node: FilterNode, out: string[]): string[] {
  if (isGroup(node)) for (const child of 'and' in node ? node.and : node.or) conditionFields(child, out)
  else out.push(node.field)
  return out
}

/** The fields a rule reads, the first being where its message is shown. */
export function ruleFields(rule: FormRule): string[] {
  const ids = rule.compare ? [rule.compare.field, rule.compare.otherField] : []
  return [...new Set([...ids, ...conditionFields(rule.when, [])])]
}

/**
 * Issues of the rules a record breaks. With `changed`, a rule is checked only when one of the
 * fields it reads changed (so an old record breaking a new rule can still be edited elsewhere).
 */
export function ruleIssues(form: FormDef, values: Readonly<Record<string, unknown>>, env: QueryEnv, changed?: ReadonlySet<string>): WriteIssue[] {
  return rulesChecker(form, env)(values, changed)
}

/** What checking one rule needs, compiled once per write. */
interface CompiledRule {
  rule: FormRule
  fields: string[]
  when: RecordPredicate
}

const NO_RULES = (): WriteIssue[] => []

/**
 * ruleIssues for many records of one write (same form, same env): the rules' filters are
 * compiled once instead of per record.
 */
export function rulesChecker(form: FormDef, env: QueryEnv): (values: Readonly<Record<string, unknown>>, changed?: ReadonlySet<string>) => WriteIssue[] {
  if (!form.rules?.length) return NO_RULES
  const rules: CompiledRule[] = form.rules.map(rule => ({ rule, fields: ruleFields(rule), when: compileFilter(rule.when, form.fields, env) }))
  return (values, changed) => {
    const issues: WriteIssue[] = []
    const row: RecordRow = { id: '', values: { ...values }, createdAt: env.now, updatedAt: env.now, rev: 0 }
    for (const { rule, fields, when } of rules) {
      if (changed && !fields.some(f => changed.has(f))) continue
      const holds = when(row) && (!rule.compare || comparisonHolds(rule.compare, values))
      if (holds) continue
      const fieldId = fields[0] ?? ''
      const field = form.fields.find(f => f.id === fieldId)
      issues.push({
        fieldId,
        label: field?.label,
        code: 'rule',
        message: { 'zh-CN': labelText(rule.message, 'zh-CN') || '不满足提交规则', 'en': labelText(rule.message, 'en') || 'A submit rule is not met' },
      })
    }
    return issues
  }
}

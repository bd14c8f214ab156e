import type { FieldDef } from '../schema/types'
import { checkCondition } from './check-condition'
import type { FieldIndex } from './columns'
import { indexFields, resolveColumn } from './columns'
import { readNode } from './filter-nodes'
import type { FilterIssueCode } from './messages'
import { issueMessage } from './messages'
import type { LocalizedText } from './types'

/** A problem in a filter, located by its path from the root, e.g. `['and', 0, 'or', 1, 'value']`. */
export interface FilterIssue {
  path: (string | number)[]
  code: FilterIssueCode
  /**
   * error: the node is unusable and compileFilter makes it match no record;
   * warning: compileFilter still uses it ('unknownOption') or ignores it ('incomplete').
   */
  severity: 'error' | 'warning'
  message: LocalizedText
}

/**
 * Lists every problem of a filter against a field list: malformed nodes, unknown fields,
 * ops the field type does not support, values of the wrong shape, conditions without a value,
 * option ids the field does not have. An empty list means the filter is fully usable.
 */
export function validateFilter(filter: unknown, fields: readonly FieldDef[]): FilterIssue[] {
  const issues: FilterIssue[] = []
  if (filter !== undefined && filter !== null) visit(filter, [], indexFields(fields), issues)
  return issues
}

function visit(node: unknown, path: (string | number)[], fields: FieldIndex, issues: FilterIssue[]): void {
  const read = readNode(node)
  switch (read.kind) {
    case 'bad':
      issues.push(issue(path, 'badNode', 'error', issueMessage('badNode', {})))
      return
    case 'group':
      read.children.forEach((child, i) => visit(child, [...path, read.join, i], fields, issues))
      return
    case 'condition': {
      const column = typeof read.field === 'string' ? resolveColumn(read.field, fields) : undefined
      if (!column) {
        const name = String(read.field)
        const message = issueMessage('unknownField', { field: { 'zh-CN': name, 'en': name } })
        issues.push(issue([...path, 'field'], 'unknownField', 'error', message))
        return
      }
      for (const p of checkCondition(column, read.op, read.value)) {
        issues.push(issue([...path, p.part], p.code, p.severity, issueMessage(p.code, p.params)))
      }
      return
    }
  }
}

function issue(path: (string | number)[], code: FilterIssueCode, severity: FilterIssue['severity'], message: LocalizedText): FilterIssue {
  return { path, code, severity, message }
}

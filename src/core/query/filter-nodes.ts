/**
 * Defensive reading of filter nodes: filters come from JSON (saved views, templates, imports),
 * so shapes are checked here instead of trusted.
 */

/** A node read as a group, a condition, or neither. */
export type ReadNode
  = | { kind: 'group', join: 'and' | 'or', children: unknown[] }
    | { kind: 'condition', field: unknown, op: unknown, value: unknown }
    | { kind: 'bad' }

/** Classifies an untrusted filter node. A group has exactly one of `and` / `or`, holding an array. */
export function readNode(node: unknown): ReadNode {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return { kind: 'bad' }
  const n = node as Record<string, unknown>
  const hasAnd = 'and' in n
  const hasOr = 'or' in n
  if (hasAnd || hasOr) {
    if (hasAnd === hasOr) return { kind: 'bad' }
    const children = hasAnd ? n.and : n.or
    return Array.isArray(children) ? { kind: 'group', join: hasAnd ? 'and' : 'or', children } : { kind: 'bad' }
  }
  if (!('field' in n) || !('op' in n)) return { kind: 'bad' }
  return { kind: 'condition', field: n.field, op: n.op, value: n.value }
}

import type { FilterOp } from '../schema/filter'
import type { FieldDef } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import { checkCondition } from './check-condition'
import type { FieldIndex, QueryColumn } from './columns'
import { indexFields, resolveColumn } from './columns'
import { readNode } from './filter-nodes'
import { compileDateCondition } from './predicates/date-predicate'
import { compileIdSetCondition } from './predicates/id-set-predicate'
import { compileBoolCondition, compilePresenceCondition } from './predicates/misc-predicate'
import { compileNumberCondition } from './predicates/number-predicate'
import { compileOptionCondition } from './predicates/option-predicate'
import { compileTextCondition } from './predicates/text-predicate'
import type { QueryEnv, RecordPredicate } from './types'

/** In a member condition value, stands for env.currentMemberId ("me"). */
export const CURRENT_MEMBER = '$me'

const ALL: RecordPredicate = () => true
const NONE: RecordPredicate = () => false

/**
 * Compiles a filter into a record predicate, once, for fast evaluation over many records.
 * Never throws on a bad filter: use validateFilter to show what is wrong. Behaviour on issues:
 * - an unusable node (malformed, unknown field, unsupported op, bad value) matches no record;
 * - a condition without a value yet ('incomplete') is left out, as if not there; a group left
 *   with nothing by that is left out of its parent too;
 * - an empty group (`{ and: [] }`), an absent filter, and a filter left empty match every record.
 */
export function compileFilter(filter: unknown, fields: readonly FieldDef[], env: QueryEnv): RecordPredicate {
  return foldFilter(filter, fields, {
    all: ALL, none: NONE, and: every, or: some,
    condition: (column, op, value) => compileCondition(column, op, value, env),
  })
}

/** How {@link foldFilter} builds its answer: what a checked condition, a group and the fixed answers are. */
export interface FilterAlgebra<T> {
  /** Every record (an absent or empty filter). */
  all: T
  /** No record (an unusable node). */
  none: T
  condition: (column: QueryColumn, op: FilterOp, value: unknown) => T
  and: (parts: T[]) => T
  or: (parts: T[]) => T
}

/**
 * The filter's tree walked as compileFilter reads it (the same nodes left out, matching none
 * or all), each checked condition and group built by `alg`: compileFilter builds predicates,
 * filterMask (filter-mask.ts) masks over many records.
 */
export function foldFilter<T>(filter: unknown, fields: readonly FieldDef[], alg: FilterAlgebra<T>): T {
  if (filter === undefined || filter === null) return alg.all
  return foldNode(filter, indexFields(fields), alg) ?? alg.all
}

/** The node's answer, or undefined when the node is left out (incomplete). */
function foldNode<T>(node: unknown, fields: FieldIndex, alg: FilterAlgebra<T>): T | undefined {
  const read = readNode(node)
  switch (read.kind) {
    case 'bad': return alg.none
    case 'group': {
      const parts = read.children.map(c => foldNode(c, fields, alg)).filter(p => p !== undefined)
      if (parts.length === 0) return read.children.length === 0 ? alg.all : undefined
      return read.join === 'and' ? alg.and(parts) : alg.or(parts)
    }
    case 'condition': {
      const column = typeof read.field === 'string' ? resolveColumn(read.field, fields) : undefined
      if (!column) return alg.none
      const problems = checkCondition(column, read.op, read.value)
      if (problems.some(p => p.code === 'incomplete')) return undefined
      if (problems.some(p => p.severity === 'error')) return alg.none
      return alg.condition(column, read.op as FilterOp, read.value)
    }
    default: return assertNever(read, 'filter node')
  }
}

/** Compiles one checked condition on a resolved column. */
export function compileCondition(column: QueryColumn, op: FilterOp, value: unknown, env: QueryEnv): RecordPredicate {
  const read = column.get
  switch (column.kind) {
    case 'text': case 'generic': return compileTextCondition(read, op, value)
    case 'number': return compileNumberCondition(read, op, value)
    case 'date': return compileDateCondition(read, op, value, env, false)
    case 'datetime': return compileDateCondition(read, op, value, env, true)
    case 'option': return compileOptionCondition(read, op, value, column.options ?? [])
    case 'idSet': return compileIdSetCondition(read, op, value, ids => (column.isMember ? expandMe(ids, env) : ids))
    case 'bool': return compileBoolCondition(read, op, value)
    case 'presence': return compilePresenceCondition(read, op)
    case 'none': return NONE
    default: return assertNever(column.kind, 'query kind')
  }
}

/** Without a current member, "me" becomes an id no record holds. */
function expandMe(ids: string[], env: QueryEnv): string[] {
  return ids.map(id => (id === CURRENT_MEMBER ? env.currentMemberId ?? '\u0000no-current-member' : id))
}

function every(parts: RecordPredicate[]): RecordPredicate {
  if (parts.length === 1) return parts[0]!
  if (parts.length === 2) { const [a, b] = parts as [RecordPredicate, RecordPredicate]; return r => a(r) && b(r) }
  return (r) => { for (const p of parts) if (!p(r)) return false; return true }
}

function some(parts: RecordPredicate[]): RecordPredicate {
  if (parts.length === 1) return parts[0]!
  return (r) => { for (const p of parts) if (p(r)) return true; return false }
}

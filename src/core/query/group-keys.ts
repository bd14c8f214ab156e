import type { Label, RecordRow } from '../schema/types'
import { assertNever } from '../utils/assert-never'
import type { DateUnit } from './bucket-date'
import { bucketOfDay } from './bucket-date'
import type { QueryColumn } from './columns'
import { dayOfValue, localDayOf, msOfValue } from './dates'
import { isEmptyValue } from './empty'
import { numberOf } from './predicates/number-predicate'
import { toIds } from './predicates/read'
import { textOf } from './text'
import type { MemberNames } from './types'

/** One group a record falls into: a key and what to show for it. `order` sorts keys of one kind. */
export interface GroupKey { key: string, label: Label, order: number | string }

/** How to turn a column's value into group keys. */
export interface GroupKeyer {
  /** The groups of one record: none when its value is empty, several for multi-value fields. */
  keysOf: (record: RecordRow) => readonly GroupKey[]
  /** Groups shown even without records: every option of a select / multiselect / stage field. */
  fixed: GroupKey[]
  /** True when `order` is text to be collated (text fields, member names). */
  collate: boolean
}

/** Group keys per kind: options by position, dates by bucket, numbers by value, text by exact text. */
export function groupKeyer(column: QueryColumn, unit: DateUnit, weekStartsOn: 0 | 1, members?: MemberNames): GroupKeyer {
  const get = column.get
  const none = { fixed: [], collate: false }
  switch (column.kind) {
    case 'option': case 'idSet': {
      if (column.options) {
        const fixed = column.options.map((o, i) => ({ key: o.id, label: o.label, order: i }))
        const known = new Map(fixed.map(k => [k.key, k]))
        const unknown = (id: string): GroupKey => ({ key: id, label: id, order: fixed.length })
        const one = cached<string>(r => (typeof get(r) === 'string' ? get(r) as string : ''), id => known.get(id) ?? unknown(id))
        const keysOf = (r: RecordRow): readonly GroupKey[] => (Array.isArray(get(r)) ? toIds(get(r)).map(id => known.get(id) ?? unknown(id)) : one(r))
        return { keysOf, fixed, collate: false }
      }
      const name = (id: string): string => (column.isMember ? members?.get(id) ?? id : id)
      return { keysOf: r => toIds(get(r)).map(id => ({ key: id, label: name(id), order: name(id) })), fixed: [], collate: true }
    }
    case 'date': case 'datetime': {
      // Keyed by calendar day so each day's bucket (and its labels) is built once.
      const day = column.kind === 'date' ? dayOfValue : (v: unknown) => { const ms = msOfValue(v); return Number.isNaN(ms) ? ms : localDayOf(ms) }
      return { ...none, keysOf: cached(r => day(get(r)), (d) => {
        const b = bucketOfDay(d, unit, weekStartsOn)
        return { key: b.key, label: b.label, order: b.startDay }
      }) }
    }
    case 'number':
      return { ...none, keysOf: cached(r => numberOf(get(r)), v => ({ key: String(v), label: String(v), order: v })) }
    case 'bool':
      return { ...none, keysOf: r => (get(r) === true ? CHECKED_KEYS : UNCHECKED_KEYS) }
    case 'text': case 'generic': case 'presence':
      return { fixed: [], collate: true, keysOf: cached(r => (isEmptyValue(get(r)) ? '' : textOf(get(r))), t => ({ key: t, label: t, order: t })) }
    case 'none':
      return { ...none, keysOf: () => [] }
    default:
      return assertNever(column.kind, 'query kind')
  }
}

/** Single-valued keys, built once per distinct value; NaN and '' mean empty (no group). */
function cached<V extends number | string>(valueOf: (r: RecordRow) => V, make: (v: V) => GroupKey): (r: RecordRow) => readonly GroupKey[] {
  const cache = new Map<V, readonly GroupKey[]>()
  return (r) => {
    const v = valueOf(r)
    if (v === '' || (typeof v === 'number' && Number.isNaN(v))) return NO_KEYS
    let keys = cache.get(v)
    if (!keys) { keys = [make(v)]; cache.set(v, keys) }
    return keys
  }
}

const NO_KEYS: readonly GroupKey[] = []
const CHECKED: GroupKey = { key: 'true', label: { 'zh-CN': '是', 'en': 'Yes' }, order: 1 }
const UNCHECKED: GroupKey = { key: 'false', label: { 'zh-CN': '否', 'en': 'No' }, order: 0 }
const CHECKED_KEYS: readonly GroupKey[] = [CHECKED]
const UNCHECKED_KEYS: readonly GroupKey[] = [UNCHECKED]

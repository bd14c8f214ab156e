import type { FieldDef, Label, RecordRow } from '../schema/types'
import type { Measure } from './aggregate'
import { aggregate } from './aggregate'
import type { DateUnit } from './bucket-date'
import { bucketOfDay, nextBucketStart } from './bucket-date'
import { indexFields, resolveColumn } from './columns'
import type { GroupKey } from './group-keys'
import { groupKeyer } from './group-keys'
import { rankCodeUnitTexts } from './ranks'
import { rankCollatedTexts } from './text-ranks'
import type { MemberNames } from './types'

/** What to group by: a field (or system column), and for dates the bucket unit. */
export interface GroupBy {
  field: string
  /** Date bucket. Default 'day'. */
  unit?: DateUnit
}

/** Options of groupRecords. */
export interface GroupOptions {
  /** Week start for week buckets. Default 1 (Monday). */
  weekStartsOn?: 0 | 1
  /** Member names for member groups' labels and order. */
  members?: MemberNames
  /** Date groups: add the empty buckets between the first and the last date. Default false. */
  fillDateGaps?: boolean
}

/** One group: its key (null = records with an empty value), label, records and measures. */
export interface RecordGroup {
  key: string | null
  label: Label
  count: number
  /** One value per requested measure, in order; null = no data. */
  values: (number | null)[]
  /** The group's records, in input order. */
  records: RecordRow[]
}

const EMPTY_LABEL: Label = { 'zh-CN': '（空）', 'en': '(empty)' }

/**
 * Groups records by a field, with a count and the given measures per group. Select,
 * multiselect and stage fields give one group per option in option order, even with no records;
 * a record with several values (multiselect, multiple members) is in each of their groups;
 * dates group by bucket; the empty-value group comes last and only when it has records.
 */
export function groupRecords(
  records: readonly RecordRow[], by: string | GroupBy, fields: readonly FieldDef[],
  measures: readonly Measure[] = [], options: GroupOptions = {},
): RecordGroup[] {
  const spec = typeof by === 'string' ? { field: by } : by
  const column = resolveColumn(spec.field, indexFields(fields))
  if (!column) return []
  const unit = spec.unit ?? 'day'
  const keyer = groupKeyer(column, unit, options.weekStartsOn ?? 1, options.members)
  const buckets = new Map<string, { key: GroupKey, records: RecordRow[] }>()
  for (const key of keyer.fixed) buckets.set(key.key, { key, records: [] })
  const empty: RecordRow[] = []
  for (const record of records) {
    const keys = keyer.keysOf(record)
    if (keys.length === 0) empty.push(record)
    for (const key of keys) {
      let bucket = buckets.get(key.key)
      if (!bucket) { bucket = { key, records: [] }; buckets.set(key.key, bucket) }
      if (bucket.records[bucket.records.length - 1] !== record) bucket.records.push(record)
    }
  }
  if (options.fillDateGaps && (column.kind === 'date' || column.kind === 'datetime')) fillGaps(buckets, unit, options.weekStartsOn ?? 1)
  const ordered = orderBuckets([...buckets.values()], keyer.collate)
  const make = (key: string | null, label: Label, rs: RecordRow[]): RecordGroup =>
    ({ key, label, count: rs.length, values: measures.map(m => aggregate(rs, m, fields)), records: rs })
  const groups = ordered.map(b => make(b.key.key, b.key.label, b.records))
  if (empty.length > 0) groups.push(make(null, EMPTY_LABEL, empty))
  return groups
}

/** Buckets by their order value: numbers ascending, then texts (collated when asked). */
function orderBuckets<B extends { key: GroupKey }>(buckets: B[], collate: boolean): B[] {
  const texts = buckets.map(b => (typeof b.key.order === 'string' ? b.key.order : ''))
  const textRank = collate ? rankCollatedTexts(texts).ranks : rankCodeUnitTexts(texts).ranks
  const position = new Map(buckets.map((b, i) => [b, i]))
  const rank = (b: B): number => textRank[position.get(b)!]!
  return buckets.sort((a, b) => {
    const x = a.key.order
    const y = b.key.order
    if (typeof x === 'number' && typeof y === 'number') return x - y
    if (typeof x === 'number') return -1
    if (typeof y === 'number') return 1
    return rank(a) - rank(b)
  })
}

function fillGaps(buckets: Map<string, { key: GroupKey, records: RecordRow[] }>, unit: DateUnit, weekStartsOn: 0 | 1): void {
  const starts = [...buckets.values()].map(b => b.key.order as number)
  if (starts.length === 0) return
  const last = starts.reduce((a, b) => Math.max(a, b))
  for (let day = starts.reduce((a, b) => Math.min(a, b)); day < last; day = nextBucketStart(day, unit)) {
    const b = bucketOfDay(day, unit, weekStartsOn)
    if (!buckets.has(b.key)) buckets.set(b.key, { key: { key: b.key, label: b.label, order: b.startDay }, records: [] })
  }
}
